import {
  PageBlueprint,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import { Navigate } from 'react-router-dom';

/**
 * The demo's landing page: `/` opens the catalog, which keeps Backstage's
 * usual `/catalog` URLs.
 */
const landingPage = PageBlueprint.make({
  name: 'landing',
  params: {
    path: '/',
    noHeader: true,
    loader: async () => <Navigate to="/catalog" replace />,
  },
});

export const landingModule = createFrontendModule({
  pluginId: 'app',
  extensions: [landingPage],
});
