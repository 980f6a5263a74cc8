/**
 * Simulated time for benchmarks of code that waits on remote calls: `sleep(ms)` waits in simulated time, and
 * simulated time moves on only when nothing real is in flight, straight to the next wake-up. Calls that run
 * side by side overlap in simulated time as they would against a remote service; the CPU work between calls
 * (here: the embedded store answering) takes no simulated time.
 */
export class VirtualTime {
  /** Simulated milliseconds since the start. */
  now = 0
  private timers: Array<{ at: number; seq: number; wake: () => void }> = []
  private seq = 0
  private inflight = 0
  private kicked = false

  sleep(ms: number): Promise<void> {
    return new Promise((wake) => {
      this.timers.push({ at: this.now + ms, seq: this.seq++, wake })
      this.kick()
    })
  }

  /** Runs real asynchronous work (the local store): simulated time stands still until it settles. */
  async real<T>(work: () => Promise<T>): Promise<T> {
    this.inflight++
    try {
      return await work()
    } finally {
      this.inflight--
      this.kick()
    }
  }

  /** Moves simulated time on by `ms` (between timer ticks, when nothing is running). */
  advance(ms: number): void {
    this.now += ms
  }

  private kick(): void {
    if (this.kicked) return
    this.kicked = true
    // setImmediate runs after every pending promise continuation: by then each caller has either started real
    // work or gone to sleep.
    setImmediate(() => {
      this.kicked = false
      if (this.inflight > 0 || this.timers.length === 0) return
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq)
      const at = this.timers[0].at
      this.now = Math.max(this.now, at)
      const due = this.timers.filter((t) => t.at === at)
      this.timers = this.timers.filter((t) => t.at !== at)
      for (const t of due) t.wake()
      this.kick()
    })
  }
}
