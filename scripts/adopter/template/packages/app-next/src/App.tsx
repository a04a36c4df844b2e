import { createApp } from '@backstage/frontend-defaults';

// No features listed: with `app.packages: all` the app discovers the catalog,
// org and SRE Ownership plugins from this package's dependencies, which is
// what the `./alpha` feature marker in the packed package.json is for.
export default createApp();
