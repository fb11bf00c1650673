import { createBrowserRouter } from 'react-router-dom';
import { AppLayout } from './components/app-layout';
import { RequireAuth } from './components/require-auth';
import { RequirePermission } from './components/require-permission';
import { NAV_ITEMS } from './navigation';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';

/** Every console page sits behind the login guard and its own permission check, both declared once. */
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          ...NAV_ITEMS.map(({ key, path, permission, page: Page }) => ({
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
