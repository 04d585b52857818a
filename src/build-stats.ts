/** Wall time and memory per build phase, for the benchmark and debug output. */
export interface PhaseStat {
  name: string;
  ms: number;
  /** Resident set size when the phase ended, in MiB. */
  rssMiB: number;
}

export interface BuildStats {
  phases: PhaseStat[];
}

export class PhaseTimer {
  private readonly phases: PhaseStat[] = [];
  private started = performance.now();

  /** Starts timing the next phase from now (for phases that begin after a gap, e.g. Eleventy's own work). */
  restart(): void {
    this.started = performance.now();
  }

  end(name: string): PhaseStat {
    const now = performance.now();
    const stat = { name, ms: Math.round(now - this.started), rssMiB: Math.round(process.memoryUsage.rss() / 1048576) };
    this.phases.push(stat);
    this.started = now;
    return stat;
  }

  stats(): BuildStats {
    return { phases: [...this.phases] };
  }
}
