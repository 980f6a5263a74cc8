import { APPLICATION_STATES, operatorActions } from '@/domain/cancellation/cancellation.machine'

describe('what an operator may record on a cancellation application', () => {
  it('offers 通过 / 不通过 only while the office reviews the application', () => {
    expect(Object.fromEntries(APPLICATION_STATES.map((s) => [s, operatorActions(s)]))).toEqual({
      draft: [],
      submitted: [],
      reviewing: ['approve', 'reject'],
      approved: [],
      rejected: [],
    })
  })
})
