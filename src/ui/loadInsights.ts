import { join } from 'node:path';

export type InsightsModule = typeof import('./insights/index');

let cached: InsightsModule | undefined;

/** Loads the Insights panel and export (dist/insights.js, beside dist/extension.js) the first time they are used. */
export function loadInsights(bundleDir: string = __dirname): InsightsModule {
  if (!cached) {
    // A computed path keeps esbuild from inlining the panel's code into the activation bundle.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    cached = require(join(bundleDir, 'insights.js')) as InsightsModule;
  }
  return cached;
}

export function isInsightsLoaded(): boolean {
  return cached !== undefined;
}
