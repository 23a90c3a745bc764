/**
 * How much of the machine other programs used while a benchmark ran. The load average cannot say:
 * on two cores the benchmark's own browser and Node push it over the limit by themselves. On Linux
 * this counts CPU time from /proc: the whole machine's, minus this process tree's. The tree is
 * looked at every half second and each process's own time kept as last seen, because a closed
 * browser's helpers are handed to init when it goes, and their time would count as another's.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'

/** Busy jiffies of the whole machine (user, nice, system, irq, softirq, steal). */
function machineBusy() {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? ''
  const f = line.trim().split(/\s+/).slice(1).map(Number)
  return f[0] + f[1] + f[2] + f[5] + f[6] + (f[7] ?? 0)
}

/** pid → { parent, jiffies } for every process, jiffies its own (user and system) only. */
function processes() {
  const all = new Map()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      // The command name may hold spaces and brackets: the fields start after its last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const parent = Number(fields[1])
      const jiffies = Number(fields[11]) + Number(fields[12])
      // Start time too: a pid used again by another process is another process.
      all.set(Number(name), { parent, jiffies, started: fields[19] })
    } catch {
      // The process ended while we looked.
    }
  }
  return all
}

/** This process tree now: key (pid and start time) → its own jiffies. */
function ownTree() {
  const all = processes()
  const children = new Map()
  for (const [pid, p] of all) {
    const list = children.get(p.parent) ?? []
    list.push(pid)
    children.set(p.parent, list)
  }
  const tree = new Map()
  const stack = [process.pid]
  while (stack.length > 0) {
    const pid = stack.pop()
    const p = all.get(pid)
    if (p) tree.set(`${pid}@${p.started}`, p.jiffies)
    stack.push(...(children.get(pid) ?? []))
  }
  return tree
}

function readable() {
  try {
    machineBusy()
    return process.platform === 'linux'
  } catch {
    return false
  }
}

/**
 * Starts watching; `stop()` says how many cores other programs kept busy on average meanwhile, and
 * whether that is enough to distort the figures. Elsewhere it falls back to the 1-minute load
 * average seen at the start, before the benchmark's own work.
 */
export function watchMachine() {
  const cores = cpus().length
  const started = performance.now()
  if (!readable()) {
    const before = loadavg()[0] ?? 0
    return {
      stop: () => ({
        cores,
        others: null,
        busy: before > cores * 0.25,
        words: `load average ${before.toFixed(1)} on ${cores} cores before the runs`,
      }),
    }
  }
  const ticks = 100 // USER_HZ: 100 on every Linux build Node runs on.
  const machine0 = machineBusy()
  // Each process of the tree: its jiffies when first and when last seen.
  const first = new Map()
  const last = new Map()
  const look = () => {
    for (const [key, jiffies] of ownTree()) {
      if (!first.has(key)) first.set(key, jiffies)
      last.set(key, jiffies)
    }
  }
  look()
  // Processes born after the start count from zero: their whole life is this run's.
  const before = new Set(first.keys())
  const timer = setInterval(look, 500)
  timer.unref()
  return {
    stop() {
      clearInterval(timer)
      look()
      let own = 0
      for (const [key, jiffies] of last) own += jiffies - (before.has(key) ? first.get(key) : 0)
      const seconds = (performance.now() - started) / 1000
      const others = Math.max(0, machineBusy() - machine0 - own) / ticks / seconds
      return {
        cores,
        others,
        // More than a tenth of the machine taken by others shifts long tasks and frame times.
        busy: others > cores * 0.1,
        words: `other programs kept ${others.toFixed(2)} of ${cores} cores busy on average`,
      }
    },
  }
}
