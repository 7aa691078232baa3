declare module 'virtual:site-config' {
  /** The site's configuration, read from the environment by astro.config.mjs. */
  const config: import('./lib/site-config.ts').SiteConfig;
  export default config;
}
