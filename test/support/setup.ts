jest.setTimeout(process.env.CI ? 120_000 : 60_000)
