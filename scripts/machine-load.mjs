/**
 * How much of the machine other programs used while a benchmark ran. The load average cannot say:
 * on two cores the benchmark's own browser and Node push it over the limit by themselves. On Linux
 * this counts CPU time from /proc: the whole machine's, minus this process tree's (its own, its
 * live descendants', and the reaped children's that the kernel adds to their parents).
 */
import { readFileSync, readdirSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'

/** Busy jiffies of the whole machine (user, nice, system, irq, softirq, steal). */
function machineBusy() {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? ''
  const f = line.trim().split(/\s+/).slice(1).map(Number)
  return f[0] + f[1] + f[2] + f[5] + f[6] + (f[7] ?? 0)
}

/** pid → { parent, jiffies } for every process, jiffies counting its reaped children too. */
function processes() {
  const all = new Map()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      // The command name may hold spaces and brackets: the fields start after its last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const parent = Number(fields[1])
      const jiffies =
        Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])
      all.set(Number(name), { parent, jiffies })
    } catch {
      // The process ended while we looked.
    }
  }
  return all
}

function ownBusy() {
  const all = processes()
  const children = new Map()
  for (const [pid, p] of all) {
    const list = children.get(p.parent) ?? []
    list.push(pid)
    children.set(p.parent, list)
  }
  let total = 0
  const stack = [process.pid]
  while (stack.length > 0) {
    const pid = stack.pop()
    total += all.get(pid)?.jiffies ?? 0
    stack.push(...(children.get(pid) ?? []))
  }
  return total
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
  const own0 = ownBusy()
  return {
    stop() {
      const seconds = (performance.now() - started) / 1000
      const others = Math.max(0, machineBusy() - machine0 - (ownBusy() - own0)) / ticks / seconds
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
