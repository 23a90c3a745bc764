/** Build-time constants the renderer's bundler writes in (electron.vite.config.ts). */
declare const __SOURCELINE_VERSION__: string
