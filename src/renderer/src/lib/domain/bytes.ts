/**
 * Sizes in bytes as people read them, one way everywhere: SI units (1 kB = 1000 bytes, as file
 * managers on most systems show them), rounded up so a size over a limit never reads as the limit.
 * Pure.
 */

const UNITS: readonly (readonly [unit: string, size: number])[] = [
  ['GB', 1_000_000_000],
  ['MB', 1_000_000],
  ['kB', 1000],
]

/** '512 bytes', '3.4 kB', '831 kB', '10 MB', '10.1 MB': one decimal below 100 of a unit. */
export function formatBytes(bytes: number): string {
  const whole = Math.ceil(bytes)
  for (const [i, [unit, size]] of UNITS.entries()) {
    if (whole < size) continue
    // Tenths counted in whole numbers, so 10 MB stays 10 and never becomes 10.1 by rounding error.
    const shown = whole < 100 * size ? Math.ceil(whole / (size / 10)) / 10 : Math.ceil(whole / size)
    // 999,999 bytes rounds up to 1000 kB: say 1 MB instead.
    if (shown >= 1000 && i > 0) return `1 ${UNITS[i - 1]![0]}`
    return `${shown.toLocaleString('en')} ${unit}`
  }
  return `${whole} byte${whole === 1 ? '' : 's'}`
}
