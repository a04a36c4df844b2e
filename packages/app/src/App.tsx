import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { navModule } from './modules/nav';
import { landingModule } from './modules/landing';

export default createApp({
  features: [catalogPlugin, navModule, landingModule],
});
