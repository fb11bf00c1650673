import { createBrowserRouter } from 'react-router-dom';
import { AppLayout } from './components/app-layout';
import { RequireAuth } from './components/require-auth';
import { RequirePermission } from './components/require-permission';
import { H5App } from './h5/h5-app';
import { DETAIL_ROUTES, NAV_ITEMS } from './navigation';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { SetupPage } from './pages/setup-page';

/** Every console page sits behind the login guard and its own permission check, both declared once. */
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  // The one-time first-admin link a start without users prints: public, the token is its key.
  { path: '/setup', element: <SetupPage /> },
  // The customer's phone pages (share links): public, no login.
  { path: '/h5/*', element: <H5App /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          ...[...NAV_ITEMS, ...DETAIL_ROUTES].map(({ key, path, permission, page: Page }) => ({
            id: key,
            path,
            element: (
              <RequirePermission permission={permission}>
                <Page />
              </RequirePermission>
            ),
          })),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
