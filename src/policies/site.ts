/** Who may see the site itself: the web app's shell and assets, health, the API description — and the /about page. */
import { rule } from '../ops/policy.ts';

export const sitePolicy = {
  /** The web app's pages and assets: they hold no data (the data comes through the API, under its own rules). */
  page: rule('site.page', 'public'),
  health: rule('site.health', 'public'),
  /** The OpenAPI document and its page. */
  describe: rule('site.describe', 'public'),
  /** The /about page shows counts of the stored data: a read. */
  about: rule('site.about', 'read'),
} as const;
