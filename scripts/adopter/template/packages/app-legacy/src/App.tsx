import { Navigate, Route } from 'react-router-dom';
import {
  CatalogEntityPage,
  CatalogIndexPage,
  catalogPlugin,
} from '@backstage/plugin-catalog';
import { orgPlugin } from '@backstage/plugin-org';
import { AlertDisplay, SignInPage } from '@backstage/core-components';
import { createApp } from '@backstage/app-defaults';
import { AppRouter, FlatRoutes } from '@backstage/core-app-api';
import { sreOwnershipPlugin } from '@sre-ownership/plugin-sre-ownership';
import { apis } from './apis';
import { entityPage } from './components/catalog/EntityPage';

const app = createApp({
  apis,
  plugins: [sreOwnershipPlugin],
  bindRoutes({ bind }) {
    bind(orgPlugin.externalRoutes, {
      catalogIndex: catalogPlugin.routes.catalogIndex,
    });
  },
  components: {
    SignInPage: props => <SignInPage {...props} auto providers={['guest']} />,
  },
});

export default app.createRoot(
  <>
    <AlertDisplay />
    <AppRouter>
      <FlatRoutes>
        <Route path="/" element={<Navigate to="catalog" />} />
        <Route path="/catalog" element={<CatalogIndexPage />} />
        <Route
          path="/catalog/:namespace/:kind/:name"
          element={<CatalogEntityPage />}
        >
          {entityPage}
        </Route>
      </FlatRoutes>
    </AppRouter>
  </>,
);
