import type { AstroIntegration } from 'astro';
import type { SiteConfig } from '../lib/site-config.ts';

const MODULE = 'virtual:site-config';
const RESOLVED = `\0${MODULE}`;

/**
 * Hands the configuration astro.config.mjs read from the environment to the pages and the
 * content collections, as the module `virtual:site-config` (src/site-config.d.ts).
 */
export function siteConfigModule(config: SiteConfig): AstroIntegration {
  return {
    name: 'site-config',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'site-config',
                resolveId: (id) => (id === MODULE ? RESOLVED : undefined),
                load: (id) =>
                  id === RESOLVED ? `export default ${JSON.stringify(config)};` : undefined,
              },
            ],
          },
        });
      },
    },
  };
}
