/**
 * The server's HTTP API as TypeScript types, generated from its OpenAPI document by
 * `npm run api:types` (scripts/api-types.ts). Do not edit: change the route's schema and regenerate.
 * test/integration/api-types.int.test.ts fails when this file and the server disagree.
 */
export interface paths {
  '/api/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Audit records, newest first (审计日志) */
    get: {
      parameters: {
        query: {
          action?: string;
          actor?: string;
          entityId?: string;
          entityType?: string;
          from?: string;
          page: number;
          pageSize: number;
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                action: string;
                actorId: string | null;
                actorName: string | null;
                after: unknown;
                at: string;
                before: unknown;
                entityId: string | null;
                entityType: string;
                hash: string;
                id: string;
                ip: string | null;
                prevHash: string;
                requestId: string | null;
                seq: number;
              }[];
              total: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audit/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Recompute the keyed hash chain and compare it with the checkpoints (校验哈希链)
     * @description Reports the first broken record, and a truncation: the chain ends before the last checkpoint written outside the database, or a record at a checkpoint has another hash. When all holds, the verified head is written as a new signed checkpoint.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              badCheckpoints: number;
              brokenAtSeq: number | null;
              checked: number;
              headSeq: number | null;
              keyedFromSeq: number;
              lastCheckpoint: {
                at: string;
                seq: number;
              } | null;
              ok: boolean;
              otherKeyCheckpoints: number;
              truncation: {
                checkpointAt: string;
                checkpointSeq: number;
                headSeq: number | null;
                reason: 'head_behind' | 'hash_differs';
              } | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/change-password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change my own password; my other sessions end (修改密码) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            currentPassword: string;
            newPassword: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Log in with username and password (登录) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            password: string;
            username: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              csrfToken: string;
              user: {
                createdAt: string;
                displayName: string;
                id: string;
                lastLoginAt: string | null;
                permissions: string[];
                roles: string[];
                status: 'active' | 'disabled';
                username: string;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Log out and end this session (退出登录) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The logged-in user and the CSRF token (当前用户) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              csrfToken: string;
              user: {
                createdAt: string;
                displayName: string;
                id: string;
                lastLoginAt: string | null;
                permissions: string[];
                roles: string[];
                status: 'active' | 'disabled';
                username: string;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/setup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create the first administrator with the one-time setup link a start without users prints (首个管理员) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            displayName: string;
            password: string;
            token: string;
            /** @description 3-32 letters, digits, _ . - */
            username: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              createdAt: string;
              displayName: string;
              id: string;
              lastLoginAt: string | null;
              permissions: string[];
              roles: string[];
              status: 'active' | 'disabled';
              username: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/campaigns': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List campaigns (团购活动列表) */
    get: {
      parameters: {
        query: {
          from?: string;
          page: number;
          pageSize: number;
          /** @description code or name contains */
          q?: string;
          state?: 'draft' | 'scheduled' | 'live' | 'closed' | 'fulfilled' | 'cancelled';
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                cancelledAt: string | null;
                capTotal: number;
                closedAt: string | null;
                closeReason: string | null;
                code: string;
                coverUrl: string;
                createdAt: string;
                cutoffAt: string;
                deliveryDate: string;
                description: string;
                endsAt: string;
                id: string;
                itemCount: number;
                name: string;
                paymentMinutes: number;
                regionIds: string[];
                sellTo: 'all' | 'regions';
                soldTotal: number;
                startsAt: string;
                state: 'draft' | 'scheduled' | 'live' | 'closed' | 'fulfilled' | 'cancelled';
                updatedAt: string;
                warehouseId: string | null;
              }[];
              total: number;
            };
          };
        };
      };
    };
    put?: never;
    /** Create a draft campaign (新建活动草稿) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description 2-32 letters, digits, _ or - */
            code: string;
            coverUrl?: string;
            /**
             * Format: date-time
             * @description ISO 8601 with a time zone
             */
            cutoffAt: string;
            /**
             * Format: date
             * @description YYYY-MM-DD (Asia/Shanghai)
             */
            deliveryDate: string;
            description?: string;
            /**
             * Format: date-time
             * @description ISO 8601 with a time zone
             */
            endsAt: string;
            items: {
              perCustomerLimit: number;
              /** @description campaign price in fen */
              priceFen: number;
              skuId: string;
              sortOrder?: number;
              stockCap: number;
            }[];
            name: string;
            /** @description 付款时限: minutes a customer has to pay; unpaid orders are cancelled after it (default 30) */
            paymentMinutes?: number;
            regionIds: string[];
            sellTo: 'all' | 'regions';
            /**
             * Format: date-time
             * @description ISO 8601 with a time zone
             */
            startsAt: string;
            /** @description 发货仓: the warehouse every item is allocated from; null for the first that stocks each SKU */
            warehouseId?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cancelledAt: string | null;
              closedAt: string | null;
              closeReason: string | null;
              code: string;
              coverUrl: string;
              createdAt: string;
              cutoffAt: string;
              deliveryDate: string;
              description: string;
              endsAt: string;
              id: string;
              items: {
                id: string;
                listPriceFen: number | null;
                perCustomerLimit: number;
                priceFen: number;
                productName: string | null;
                skuCode: string | null;
                skuId: string;
                sold: number;
                sortOrder: number;
                spec: string | null;
                stockCap: number;
                unit: string | null;
              }[];
              name: string;
              openForOrders: boolean;
              paymentMinutes: number;
              regionIds: string[];
              regions: {
                code: string;
                id: string;
                name: string;
              }[];
              sellTo: 'all' | 'regions';
              serverNow: string;
              startsAt: string;
              state: 'draft' | 'scheduled' | 'live' | 'closed' | 'fulfilled' | 'cancelled';
              updatedAt: string;
              warehouseId: string | null;
              warehouseName: string | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/campaigns/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One campaign with its items and sold / cap (活动详情) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cancelledAt: string | null;
              closedAt: string | null;
              closeReason: string | null;
              code: string;
              coverUrl: string;
              createdAt: string;
              cutoffAt: string;
              deliveryDate: string;
              description: string;
              endsAt: string;
              id: string;
              items: {
                id: string;
                listPriceFen: number | null;
                perCustomerLimit: number;
                priceFen: number;
                productName: string | null;
                skuCode: string | null;
                skuId: string;
                sold: number;
                sortOrder: number;
                spec: string | null;
                stockCap: number;
                unit: string | null;
              }[];
              name: string;
              openForOrders: boolean;
              paymentMinutes: number;
              regionIds: string[];
              regions: {
                code: string;
                id: string;
                name: string;
              }[];
              sellTo: 'all' | 'regions';
              serverNow: string;
              startsAt: string;
              state: 'draft' | 'scheduled' | 'live' | 'closed' | 'fulfilled' | 'cancelled';
              updatedAt: string;
              warehouseId: string | null;
              warehouseName: string | null;
            };
          };
        };
      };
    };
    /** Replace a draft’s content and items (编辑草稿) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description 2-32 letters, digits, _ or - */
            code: string;
            coverUrl?: string;
            /**
             * Format: date-time
             * @description ISO 8601 with a time zone
             */
            cutoffAt: string;
            /**
             * Format: date
             * @description YYYY-MM-DD (Asia/Shanghai)
             */
            deliveryDate: string;
            description?: string;
            /**
             * Format: date-time
             * @description ISO 8601 with a time zone
             */
            endsAt: string;
            items: {
              perCustomerLimit: number;
              /** @description campaign price in fen */
              priceFen: number;
              skuId: string;
              sortOrder?: number;
              stockCap: number;
            }[];
            name: string;
            /** @description 付款时限: minutes a customer has to pay; unpaid orders are cancelled after it (default 30) */
            paymentMinutes?: number;
            regionIds: string[];
            sellTo: 'all' | 'regions';
            /**
             * Format: date-time
             * @description ISO 8601 with a time zone
             */
            startsAt: string;
            /** @description 发货仓: the warehouse every item is allocated from; null for the first that stocks each SKU */
            warehouseId?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cancelledAt: string | null;
              closedAt: string | null;
              closeReason: string | null;
              code: string;
              coverUrl: string;
              createdAt: string;
              cutoffAt: string;
              deliveryDate: string;
              description: string;
              endsAt: string;
              id: string;
              items: {
                id: string;
                listPriceFen: number | null;
                perCustomerLimit: number;
                priceFen: number;
                productName: string | null;
                skuCode: string | null;
                skuId: string;
                sold: number;
                sortOrder: number;
                spec: string | null;
                stockCap: number;
                unit: string | null;
              }[];
              name: string;
              openForOrders: boolean;
              paymentMinutes: number;
              regionIds: string[];
              regions: {
                code: string;
                id: string;
                name: string;
              }[];
              sellTo: 'all' | 'regions';
              serverNow: string;
              startsAt: string;
              state: 'draft' | 'scheduled' | 'live' | 'closed' | 'fulfilled' | 'cancelled';
              updatedAt: string;
              warehouseId: string | null;
              warehouseName: string | null;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/campaigns/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel a draft or scheduled campaign (取消活动) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cancelledAt: string | null;
              closedAt: string | null;
              closeReason: string | null;
              code: string;
              coverUrl: string;
              createdAt: string;
              cutoffAt: string;
              deliveryDate: string;
              description: string;
              endsAt: string;
              id: string;
              items: {
                id: string;
                listPriceFen: number | null;
                perCustomerLimit: number;
                priceFen: number;
                productName: string | null;
                skuCode: string | null;
                skuId: string;
                sold: number;
                sortOrder: number;
                spec: string | null;
                stockCap: number;
                unit: string | null;
              }[];
              name: string;
              openForOrders: boolean;
              paymentMinutes: number;
              regionIds: string[];
              regions: {
                code: string;
                id: string;
                name: string;
              }[];
              sellTo: 'all' | 'regions';
              serverNow: string;
              startsAt: string;
              state: 'draft' | 'scheduled' | 'live' | 'closed' | 'fulfilled' | 'cancelled';
              updatedAt: string;
              warehouseId: string | null;
              warehouseName: string | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/campaigns/{id}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close a live campaign before its cutoff (提前截单) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cancelledAt: string | null;
              closedAt: string | null;
              closeReason: string | null;
              code: string;
              coverUrl: string;
              createdAt: string;
              cutoffAt: string;
              deliveryDate: string;
              description: string;
              endsAt: string;
              id: string;
              items: {
                id: string;
                listPriceFen: number | null;
                perCustomerLimit: number;
                priceFen: number;
                productName: string | null;
                skuCode: string | null;
                skuId: string;
                sold: number;
                sortOrder: number;
                spec: string | null;
                stockCap: number;
                unit: string | null;
              }[];
              name: string;
              openForOrders: boolean;
              paymentMinutes: number;
              regionIds: string[];
              regions: {
                code: string;
                id: string;
                name: string;
              }[];
              sellTo: 'all' | 'regions';
              serverNow: string;
              startsAt: string;
              state: 'draft' | 'scheduled' | 'live' | 'closed' | 'fulfilled' | 'cancelled';
              updatedAt: string;
              warehouseId: string | null;
              warehouseName: string | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/campaigns/{id}/cutoff': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Move a published campaign’s cutoff later (延长截单) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: date-time */
            cutoffAt: string;
            /** Format: date */
            deliveryDate?: string;
            /** Format: date-time */
            endsAt?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cancelledAt: string | null;
              closedAt: string | null;
              closeReason: string | null;
              code: string;
              coverUrl: string;
              createdAt: string;
              cutoffAt: string;
              deliveryDate: string;
              description: string;
              endsAt: string;
              id: string;
              items: {
                id: string;
                listPriceFen: number | null;
                perCustomerLimit: number;
                priceFen: number;
                productName: string | null;
                skuCode: string | null;
                skuId: string;
                sold: number;
                sortOrder: number;
                spec: string | null;
                stockCap: number;
                unit: string | null;
              }[];
              name: string;
              openForOrders: boolean;
              paymentMinutes: number;
              regionIds: string[];
              regions: {
                code: string;
                id: string;
                name: string;
              }[];
              sellTo: 'all' | 'regions';
              serverNow: string;
              startsAt: string;
              state: 'draft' | 'scheduled' | 'live' | 'closed' | 'fulfilled' | 'cancelled';
              updatedAt: string;
              warehouseId: string | null;
              warehouseName: string | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/campaigns/{id}/items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add items to a published campaign (添加商品) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            items: {
              perCustomerLimit: number;
              /** @description campaign price in fen */
              priceFen: number;
              skuId: string;
              sortOrder?: number;
              stockCap: number;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cancelledAt: string | null;
              closedAt: string | null;
              closeReason: string | null;
              code: string;
              coverUrl: string;
              createdAt: string;
              cutoffAt: string;
              deliveryDate: string;
              description: string;
              endsAt: string;
              id: string;
              items: {
                id: string;
                listPriceFen: number | null;
                perCustomerLimit: number;
                priceFen: number;
                productName: string | null;
                skuCode: string | null;
                skuId: string;
                sold: number;
                sortOrder: number;
                spec: string | null;
                stockCap: number;
                unit: string | null;
              }[];
              name: string;
              openForOrders: boolean;
              paymentMinutes: number;
              regionIds: string[];
              regions: {
                code: string;
                id: string;
                name: string;
              }[];
              sellTo: 'all' | 'regions';
              serverNow: string;
              startsAt: string;
              state: 'draft' | 'scheduled' | 'live' | 'closed' | 'fulfilled' | 'cancelled';
              updatedAt: string;
              warehouseId: string | null;
              warehouseName: string | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/campaigns/{id}/items/{itemId}/cap': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Raise or lower a published campaign item’s cap, not below sold (修改限量) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          itemId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            stockCap: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cancelledAt: string | null;
              closedAt: string | null;
              closeReason: string | null;
              code: string;
              coverUrl: string;
              createdAt: string;
              cutoffAt: string;
              deliveryDate: string;
              description: string;
              endsAt: string;
              id: string;
              items: {
                id: string;
                listPriceFen: number | null;
                perCustomerLimit: number;
                priceFen: number;
                productName: string | null;
                skuCode: string | null;
                skuId: string;
                sold: number;
                sortOrder: number;
                spec: string | null;
                stockCap: number;
                unit: string | null;
              }[];
              name: string;
              openForOrders: boolean;
              paymentMinutes: number;
              regionIds: string[];
              regions: {
                code: string;
                id: string;
                name: string;
              }[];
              sellTo: 'all' | 'regions';
              serverNow: string;
              startsAt: string;
              state: 'draft' | 'scheduled' | 'live' | 'closed' | 'fulfilled' | 'cancelled';
              updatedAt: string;
              warehouseId: string | null;
              warehouseName: string | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/campaigns/{id}/items/{itemId}/price': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Correct a published campaign item’s price for orders placed from now on (改价) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          itemId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description campaign price in fen */
            priceFen: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cancelledAt: string | null;
              closedAt: string | null;
              closeReason: string | null;
              code: string;
              coverUrl: string;
              createdAt: string;
              cutoffAt: string;
              deliveryDate: string;
              description: string;
              endsAt: string;
              id: string;
              items: {
                id: string;
                listPriceFen: number | null;
                perCustomerLimit: number;
                priceFen: number;
                productName: string | null;
                skuCode: string | null;
                skuId: string;
                sold: number;
                sortOrder: number;
                spec: string | null;
                stockCap: number;
                unit: string | null;
              }[];
              name: string;
              openForOrders: boolean;
              paymentMinutes: number;
              regionIds: string[];
              regions: {
                code: string;
                id: string;
                name: string;
              }[];
              sellTo: 'all' | 'regions';
              serverNow: string;
              startsAt: string;
              state: 'draft' | 'scheduled' | 'live' | 'closed' | 'fulfilled' | 'cancelled';
              updatedAt: string;
              warehouseId: string | null;
              warehouseName: string | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/campaigns/{id}/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Live availability per item, as server-sent events (实时库存)
     * @description text/event-stream: `event: snapshot` {campaignId, serverNow, state, items:[{itemId, sold, cap, remaining}]}, then `event: item` {itemId, sold, cap, remaining} on change (at most 4/s per item), `event: campaign` {campaignId, state, cutoffAt, serverNow} when the state, the cutoff, the items or a price changed (re-read the campaign), `: ping` every 15 s.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/campaigns/{id}/schedule': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Schedule a draft; the clock opens it at its start (发布) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cancelledAt: string | null;
              closedAt: string | null;
              closeReason: string | null;
              code: string;
              coverUrl: string;
              createdAt: string;
              cutoffAt: string;
              deliveryDate: string;
              description: string;
              endsAt: string;
              id: string;
              items: {
                id: string;
                listPriceFen: number | null;
                perCustomerLimit: number;
                priceFen: number;
                productName: string | null;
                skuCode: string | null;
                skuId: string;
                sold: number;
                sortOrder: number;
                spec: string | null;
                stockCap: number;
                unit: string | null;
              }[];
              name: string;
              openForOrders: boolean;
              paymentMinutes: number;
              regionIds: string[];
              regions: {
                code: string;
                id: string;
                name: string;
              }[];
              sellTo: 'all' | 'regions';
              serverNow: string;
              startsAt: string;
              state: 'draft' | 'scheduled' | 'live' | 'closed' | 'fulfilled' | 'cancelled';
              updatedAt: string;
              warehouseId: string | null;
              warehouseName: string | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/catalog/categories': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Categories (商品分类) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                code: string;
                createdAt: string;
                id: string;
                name: string;
                parentId: string | null;
                sortOrder: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Create a category (新建分类) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description 1-64 letters, digits, _ . - */
            code: string;
            name: string;
            parentId?: string | null;
            sortOrder?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              createdAt: string;
              id: string;
              name: string;
              parentId: string | null;
              sortOrder: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/catalog/import-template': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download the xlsx import template (下载导入模板) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/catalog/imports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Upload an xlsx (base64) to validate or import; answers a job id to poll (批量导入) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description the xlsx file, base64 */
            fileBase64: string;
            mode: 'validate' | 'import_valid_rows' | 'import_all';
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              jobId: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/catalog/imports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Progress and row-by-row error report of an import (导入进度) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              created: number;
              createdAt: string;
              errorCount: number;
              errors: {
                code: string;
                field: string;
                message: string;
                messageZh: string;
                row: number;
              }[];
              finishedAt: string | null;
              id: string;
              message: string | null;
              mode: 'validate' | 'import_valid_rows' | 'import_all';
              processedRows: number;
              status: 'running' | 'validated' | 'completed' | 'rejected' | 'failed';
              totalRows: number;
              updated: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/catalog/products': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List products with their SKUs; search by name, code, SKU code or barcode (商品列表) */
    get: {
      parameters: {
        query: {
          categoryId?: string;
          page: number;
          pageSize: number;
          /** @description name, product code, SKU code or barcode */
          q?: string;
          status?: 'draft' | 'on_sale' | 'off_sale';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                categoryId: string | null;
                categoryName: string | null;
                code: string;
                createdAt: string;
                description: string;
                id: string;
                images: string[];
                name: string;
                skus: {
                  barcode: string | null;
                  code: string;
                  costPriceFen: number;
                  createdAt: string;
                  id: string;
                  listPriceFen: number;
                  productId: string;
                  spec: string;
                  status: 'active' | 'inactive';
                  updatedAt: string;
                }[];
                status: 'draft' | 'on_sale' | 'off_sale';
                supplier: string;
                unit: string;
                updatedAt: string;
              }[];
              total: number;
            };
          };
        };
      };
    };
    put?: never;
    /** Create a product with its SKUs in one transaction (新建商品) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            categoryId?: string | null;
            /** @description 1-64 letters, digits, _ . - */
            code: string;
            description?: string;
            images?: string[];
            name: string;
            skus: {
              barcode?: string | null;
              /** @description 1-64 letters, digits, _ . - */
              code: string;
              /** @description integer fen (分) */
              costPriceFen: number;
              /** @description integer fen (分) */
              listPriceFen: number;
              /** @description 规格, e.g. 5斤装 / 1kg */
              spec: string;
              status?: 'active' | 'inactive';
            }[];
            status?: 'draft' | 'on_sale' | 'off_sale';
            supplier?: string;
            /** @description 计量单位, e.g. 箱 / 袋 / 盒 */
            unit: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              categoryId: string | null;
              categoryName: string | null;
              code: string;
              createdAt: string;
              description: string;
              id: string;
              images: string[];
              name: string;
              skus: {
                barcode: string | null;
                code: string;
                costPriceFen: number;
                createdAt: string;
                id: string;
                listPriceFen: number;
                productId: string;
                spec: string;
                status: 'active' | 'inactive';
                updatedAt: string;
              }[];
              status: 'draft' | 'on_sale' | 'off_sale';
              supplier: string;
              unit: string;
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/catalog/products/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One product with its SKUs (商品详情) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              categoryId: string | null;
              categoryName: string | null;
              code: string;
              createdAt: string;
              description: string;
              id: string;
              images: string[];
              name: string;
              skus: {
                barcode: string | null;
                code: string;
                costPriceFen: number;
                createdAt: string;
                id: string;
                listPriceFen: number;
                productId: string;
                spec: string;
                status: 'active' | 'inactive';
                updatedAt: string;
              }[];
              status: 'draft' | 'on_sale' | 'off_sale';
              supplier: string;
              unit: string;
              updatedAt: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change product fields; add SKUs (no id) or change them (with id) (编辑商品) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            categoryId?: string | null;
            /** @description 1-64 letters, digits, _ . - */
            code?: string;
            description?: string;
            images?: string[];
            name?: string;
            skus?: {
              barcode?: string | null;
              /** @description 1-64 letters, digits, _ . - */
              code: string;
              /** @description integer fen (分) */
              costPriceFen: number;
              id?: string;
              /** @description integer fen (分) */
              listPriceFen: number;
              /** @description 规格, e.g. 5斤装 / 1kg */
              spec: string;
              status?: 'active' | 'inactive';
            }[];
            supplier?: string;
            /** @description 计量单位, e.g. 箱 / 袋 / 盒 */
            unit?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              categoryId: string | null;
              categoryName: string | null;
              code: string;
              createdAt: string;
              description: string;
              id: string;
              images: string[];
              name: string;
              skus: {
                barcode: string | null;
                code: string;
                costPriceFen: number;
                createdAt: string;
                id: string;
                listPriceFen: number;
                productId: string;
                spec: string;
                status: 'active' | 'inactive';
                updatedAt: string;
              }[];
              status: 'draft' | 'on_sale' | 'off_sale';
              supplier: string;
              unit: string;
              updatedAt: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/catalog/products/{id}/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Put on sale, take off sale, or back to draft (上架 / 下架) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            status: 'draft' | 'on_sale' | 'off_sale';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              categoryId: string | null;
              categoryName: string | null;
              code: string;
              createdAt: string;
              description: string;
              id: string;
              images: string[];
              name: string;
              skus: {
                barcode: string | null;
                code: string;
                costPriceFen: number;
                createdAt: string;
                id: string;
                listPriceFen: number;
                productId: string;
                spec: string;
                status: 'active' | 'inactive';
                updatedAt: string;
              }[];
              status: 'draft' | 'on_sale' | 'off_sale';
              supplier: string;
              unit: string;
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/catalog/products/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Export the filtered product list as xlsx, in the import template’s layout (导出) */
    get: {
      parameters: {
        query?: {
          categoryId?: string;
          /** @description name, product code, SKU code or barcode */
          q?: string;
          status?: 'draft' | 'on_sale' | 'off_sale';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/commission/accrual-settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The after-sales window in days (售后期) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              afterSalesDays: number;
              updatedAt: string | null;
              updatedBy: string | null;
            };
          };
        };
      };
    };
    /** Change the after-sales window (0-90 days) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            afterSalesDays: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              afterSalesDays: number;
              updatedAt: string | null;
              updatedBy: string | null;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/commission/entries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Commission entries, filtered, newest first, with totals (佣金明细) */
    get: {
      parameters: {
        query: {
          from?: string;
          leaderId?: string;
          orderId?: string;
          page: number;
          pageSize: number;
          rule?:
            | 'direct'
            | 'differential'
            | 'peer'
            | 'generation'
            | 'recruit_rate'
            | 'tiered'
            | 'regional_dividend'
            | 'hot_product'
            | 'recruit_bonus';
          status?: 'estimated' | 'final' | 'settled' | 'voided';
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                amountFen: number;
                baseFen: number;
                campaignId: string | null;
                causeType: string;
                chainPosition: number | null;
                clawedBackFen: number;
                createdAt: string;
                finalAt: string | null;
                id: string;
                keptFen: number;
                key: string;
                leaderCode: string | null;
                leaderId: string;
                leaderName: string | null;
                orderId: string | null;
                orderLineId: string | null;
                paidAt: string | null;
                periodKey: string | null;
                perUnitFen: number | null;
                planId: string;
                planVersion: number;
                rateBps: number | null;
                rule: string;
                ruleLabel: {
                  en: string;
                  zh: string;
                };
                settledAt: string | null;
                settlementDay: string | null;
                settlementId: string | null;
                skuId: string | null;
                status: 'estimated' | 'final' | 'settled' | 'voided';
                voidedFen: number;
              }[];
              sums: {
                amountFen: number;
                clawedBackFen: number;
                keptFen: number;
                voidedFen: number;
              };
              total: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/commission/entries/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One entry with its explanation (zh / en), refunds and transfers (佣金说明) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              amountFen: number;
              baseFen: number;
              campaignId: string | null;
              causeType: string;
              chainPosition: number | null;
              clawedBackFen: number;
              createdAt: string;
              finalAt: string | null;
              id: string;
              keptFen: number;
              key: string;
              leaderCode: string | null;
              leaderId: string;
              leaderName: string | null;
              orderId: string | null;
              orderLineId: string | null;
              paidAt: string | null;
              periodKey: string | null;
              perUnitFen: number | null;
              planId: string;
              planVersion: number;
              rateBps: number | null;
              rule: string;
              ruleLabel: {
                en: string;
                zh: string;
              };
              settledAt: string | null;
              settlementDay: string | null;
              settlementId: string | null;
              skuId: string | null;
              status: 'estimated' | 'final' | 'settled' | 'voided';
              voidedFen: number;
            } & {
              adjustments: {
                amountFen: number;
                at: string;
                fromAvailableFen: number;
                kind: string;
                lineFen: number;
                quantity: number;
                refundedAt: string;
                refundId: string;
                toOwedFen: number;
              }[];
              detail: unknown;
              explanation: {
                en: string;
                zh: string;
              };
              planName: string | null;
              productName: string | null;
              quantity: number | null;
              transfers: {
                amountFen: number;
                at: string;
                credit: string;
                debit: string;
                entryCount: number | null;
                entryShareFen: number | null;
                key: string;
                memo: string | null;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/commission/entries/{id}/why': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Why an entry exists: its explanation, the chain of its order line, its transfers (佣金说明) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              adjustments: {
                amountFen: number;
                at: string;
                fromAvailableFen: number;
                kind: string;
                quantity: number;
                refundId: string;
                toOwedFen: number;
              }[];
              chain: {
                amountFen: number;
                baseFen: number;
                beneficiaryCode: string | null;
                beneficiaryId: string;
                beneficiaryName: string | null;
                campaignId: string | null;
                causeType: string;
                chainPosition: number | null;
                clawedBackFen: number;
                createdAt: string;
                explanation: unknown;
                finalAt: string | null;
                id: string;
                key: string;
                netFen: number;
                orderId: string | null;
                orderLineId: string | null;
                orderRef: string | null;
                paidAt: string | null;
                periodKey: string | null;
                perUnitFen: number | null;
                planId: string;
                planVersion: number;
                productName: string | null;
                quantity: number | null;
                rateBps: number | null;
                rule: string;
                ruleLabel: {
                  en: string;
                  zh: string;
                };
                settledAt: string | null;
                settlementId: string | null;
                skuId: string | null;
                status: string;
                text: {
                  en: string;
                  zh: string;
                };
                voidedFen: number;
              }[];
              entry: {
                amountFen: number;
                baseFen: number;
                beneficiaryCode: string | null;
                beneficiaryId: string;
                beneficiaryName: string | null;
                campaignId: string | null;
                causeType: string;
                chainPosition: number | null;
                clawedBackFen: number;
                createdAt: string;
                explanation: unknown;
                finalAt: string | null;
                id: string;
                key: string;
                netFen: number;
                orderId: string | null;
                orderLineId: string | null;
                orderRef: string | null;
                paidAt: string | null;
                periodKey: string | null;
                perUnitFen: number | null;
                planId: string;
                planVersion: number;
                productName: string | null;
                quantity: number | null;
                rateBps: number | null;
                rule: string;
                ruleLabel: {
                  en: string;
                  zh: string;
                };
                settledAt: string | null;
                settlementId: string | null;
                skuId: string | null;
                status: string;
                text: {
                  en: string;
                  zh: string;
                };
                voidedFen: number;
              };
              transfers: {
                amountFen: number;
                at: string;
                credit: string;
                debit: string;
                key: string;
                memo: string | null;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/commission/leaders/{id}/why': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A leader’s entries of a month with their explanations, totals per rule (团长佣金明细) */
    get: {
      parameters: {
        query: {
          /** @description YYYY-MM (Asia/Shanghai) */
          month: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              byRule: {
                amountFen: number;
                entries: number;
                netFen: number;
                rule: string;
                ruleLabel: {
                  en: string;
                  zh: string;
                };
              }[];
              entries: {
                amountFen: number;
                baseFen: number;
                beneficiaryCode: string | null;
                beneficiaryId: string;
                beneficiaryName: string | null;
                campaignId: string | null;
                causeType: string;
                chainPosition: number | null;
                clawedBackFen: number;
                createdAt: string;
                explanation: unknown;
                finalAt: string | null;
                id: string;
                key: string;
                netFen: number;
                orderId: string | null;
                orderLineId: string | null;
                orderRef: string | null;
                paidAt: string | null;
                periodKey: string | null;
                perUnitFen: number | null;
                planId: string;
                planVersion: number;
                productName: string | null;
                quantity: number | null;
                rateBps: number | null;
                rule: string;
                ruleLabel: {
                  en: string;
                  zh: string;
                };
                settledAt: string | null;
                settlementId: string | null;
                skuId: string | null;
                status: string;
                text: {
                  en: string;
                  zh: string;
                };
                voidedFen: number;
              }[];
              leader: {
                code: string;
                id: string;
                name: string;
              };
              month: string;
              netFen: number;
              totalFen: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/commission/orders/{id}/recompute': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Recompute an order’s commission as of its payment; writes only what is missing (重新计算) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              adjustments: number;
              computed: number;
              inserted: number;
              lines: number;
              orderId: string;
              orders: number;
              posted: number;
              withoutPlan: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/commission/period-runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Period computations run so far, newest first (期间计算记录) */
    get: {
      parameters: {
        query: {
          kind?: 'month_close' | 'hot_product' | 'recruit_check';
          page: number;
          pageSize: number;
          period?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                actorName: string | null;
                at: string;
                computedFen: number;
                durationMs: number;
                entriesComputed: number;
                entriesNew: number;
                id: string;
                kind: string;
                newFen: number;
                period: string;
                planId: string | null;
                planVersion: number | null;
                report: {
                  [key: string]: unknown;
                };
                transfersPosted: number;
                trigger: string;
              }[];
              total: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/commission/period-runs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One run with the entries of its period, per rule (月结明细) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              byRule: {
                amountFen: number;
                entries: number;
                netFen: number;
                rule: string;
                ruleLabel: {
                  en: string;
                  zh: string;
                };
              }[];
              entries: {
                amountFen: number;
                baseFen: number;
                beneficiaryCode: string | null;
                beneficiaryId: string;
                beneficiaryName: string | null;
                campaignId: string | null;
                causeType: string;
                chainPosition: number | null;
                clawedBackFen: number;
                createdAt: string;
                explanation: unknown;
                finalAt: string | null;
                id: string;
                key: string;
                netFen: number;
                orderId: string | null;
                orderLineId: string | null;
                orderRef: string | null;
                paidAt: string | null;
                periodKey: string | null;
                perUnitFen: number | null;
                planId: string;
                planVersion: number;
                productName: string | null;
                quantity: number | null;
                rateBps: number | null;
                rule: string;
                ruleLabel: {
                  en: string;
                  zh: string;
                };
                settledAt: string | null;
                settlementId: string | null;
                skuId: string | null;
                status: string;
                text: {
                  en: string;
                  zh: string;
                };
                voidedFen: number;
              }[];
              run: {
                actorName: string | null;
                at: string;
                computedFen: number;
                durationMs: number;
                entriesComputed: number;
                entriesNew: number;
                id: string;
                kind: string;
                newFen: number;
                period: string;
                planId: string | null;
                planVersion: number | null;
                report: {
                  [key: string]: unknown;
                };
                transfersPosted: number;
                trigger: string;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/commission/period-runs/hot-products': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Compute a finished campaign’s hot-product ladder (爆品阶梯奖励) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            campaignId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              actorName: string | null;
              at: string;
              computedFen: number;
              durationMs: number;
              entriesComputed: number;
              entriesNew: number;
              id: string;
              kind: string;
              newFen: number;
              period: string;
              planId: string | null;
              planVersion: number | null;
              report: {
                [key: string]: unknown;
              };
              transfersPosted: number;
              trigger: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/commission/period-runs/month-close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close a month: tiered commission and regional dividend; a re-run posts nothing new (月结) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description YYYY-MM (Asia/Shanghai) */
            month: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              actorName: string | null;
              at: string;
              computedFen: number;
              durationMs: number;
              entriesComputed: number;
              entriesNew: number;
              id: string;
              kind: string;
              newFen: number;
              period: string;
              planId: string | null;
              planVersion: number | null;
              report: {
                [key: string]: unknown;
              };
              transfersPosted: number;
              trigger: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/commission/period-runs/recruit-check': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Check recruits against the recruit bonus now (推荐奖检查); the job runs daily */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              actorName: string | null;
              at: string;
              computedFen: number;
              durationMs: number;
              entriesComputed: number;
              entriesNew: number;
              id: string;
              kind: string;
              newFen: number;
              period: string;
              planId: string | null;
              planVersion: number | null;
              report: {
                [key: string]: unknown;
              };
              transfersPosted: number;
              trigger: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/commission/plan-activations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Which version was active from when (生效记录) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: date-time */
                activatedAt: string;
                activatedBy: string | null;
                activatedByName: string | null;
                id: string;
                planId: string;
                previousPlanId: string | null;
                version: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/commission/plans': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List plan versions, newest first (佣金方案版本) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: date-time */
                activatedAt: string | null;
                /** Format: date-time */
                archivedAt: string | null;
                copiedFromId: string | null;
                /** Format: date-time */
                createdAt: string;
                createdBy: string | null;
                createdByName: string | null;
                id: string;
                name: string;
                status: 'draft' | 'active' | 'archived';
                /** Format: date-time */
                updatedAt: string;
                version: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Create a draft: blank, or a copy of the active plan or of a version (新建草稿) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description `active` to copy the active plan, a plan id to copy that version; absent: a blank plan */
            copyFrom?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              activatedAt: string | null;
              activations: {
                /** Format: date-time */
                activatedAt: string;
                activatedBy: string | null;
                activatedByName: string | null;
                id: string;
                planId: string;
                previousPlanId: string | null;
                version: number;
              }[];
              /** Format: date-time */
              archivedAt: string | null;
              copiedFromId: string | null;
              /** Format: date-time */
              createdAt: string;
              createdBy: string | null;
              createdByName: string | null;
              description: {
                en: {
                  kind: string;
                  lines: string[];
                  title: string;
                }[];
                zh: {
                  kind: string;
                  lines: string[];
                  title: string;
                }[];
              };
              /** @description A commission plan document (佣金方案); see docs/commission.md */
              document: {
                allowDepthAboveDefault: boolean;
                depthCap: number;
                hotProducts: {
                  campaignId: string;
                  skuId: string;
                  steps: {
                    minUnits: number;
                    perUnitFen: number;
                  }[];
                }[];
                levels: {
                  categoryRates: {
                    categoryId: string;
                    rateBps: number;
                  }[];
                  directRateBps: number;
                  levelId: string;
                  peerBonus?: boolean;
                  skuFixed: {
                    perUnitFen: number;
                    skuId: string;
                  }[];
                  skuRates: {
                    rateBps: number;
                    skuId: string;
                  }[];
                  teamRateBps: number;
                }[];
                name: string;
                recruit: {
                  bonusFen: number;
                  rateBps: number;
                  rateDays: number;
                  thresholdFen: number;
                  withinDays: number;
                } | null;
                regional: {
                  rateBps: number;
                } | null;
                selfPurchaseEarnsDirect: boolean;
                team:
                  | {
                      /** @enum {string} */
                      mode: 'none';
                    }
                  | {
                      /** @enum {string} */
                      mode: 'differential';
                      peerGenerations: number;
                      peerRateBps: number;
                    }
                  | {
                      generationRatesBps: number[];
                      /** @enum {string} */
                      mode: 'generations';
                    };
                tiered: {
                  mode: 'whole' | 'marginal';
                  tiers: {
                    fromFen: number;
                    rateBps: number;
                  }[];
                } | null;
              };
              id: string;
              levels: {
                code: string;
                id: string;
                name: string;
                nameEn: string;
                rank: number;
                status: string;
              }[];
              name: string;
              status: 'draft' | 'active' | 'archived';
              /** Format: date-time */
              updatedAt: string;
              version: number;
              worstCaseBps: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/commission/plans/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One version with its document and plain-language description */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              activatedAt: string | null;
              activations: {
                /** Format: date-time */
                activatedAt: string;
                activatedBy: string | null;
                activatedByName: string | null;
                id: string;
                planId: string;
                previousPlanId: string | null;
                version: number;
              }[];
              /** Format: date-time */
              archivedAt: string | null;
              copiedFromId: string | null;
              /** Format: date-time */
              createdAt: string;
              createdBy: string | null;
              createdByName: string | null;
              description: {
                en: {
                  kind: string;
                  lines: string[];
                  title: string;
                }[];
                zh: {
                  kind: string;
                  lines: string[];
                  title: string;
                }[];
              };
              /** @description A commission plan document (佣金方案); see docs/commission.md */
              document: {
                allowDepthAboveDefault: boolean;
                depthCap: number;
                hotProducts: {
                  campaignId: string;
                  skuId: string;
                  steps: {
                    minUnits: number;
                    perUnitFen: number;
                  }[];
                }[];
                levels: {
                  categoryRates: {
                    categoryId: string;
                    rateBps: number;
                  }[];
                  directRateBps: number;
                  levelId: string;
                  peerBonus?: boolean;
                  skuFixed: {
                    perUnitFen: number;
                    skuId: string;
                  }[];
                  skuRates: {
                    rateBps: number;
                    skuId: string;
                  }[];
                  teamRateBps: number;
                }[];
                name: string;
                recruit: {
                  bonusFen: number;
                  rateBps: number;
                  rateDays: number;
                  thresholdFen: number;
                  withinDays: number;
                } | null;
                regional: {
                  rateBps: number;
                } | null;
                selfPurchaseEarnsDirect: boolean;
                team:
                  | {
                      /** @enum {string} */
                      mode: 'none';
                    }
                  | {
                      /** @enum {string} */
                      mode: 'differential';
                      peerGenerations: number;
                      peerRateBps: number;
                    }
                  | {
                      generationRatesBps: number[];
                      /** @enum {string} */
                      mode: 'generations';
                    };
                tiered: {
                  mode: 'whole' | 'marginal';
                  tiers: {
                    fromFen: number;
                    rateBps: number;
                  }[];
                } | null;
              };
              id: string;
              levels: {
                code: string;
                id: string;
                name: string;
                nameEn: string;
                rank: number;
                status: string;
              }[];
              name: string;
              status: 'draft' | 'active' | 'archived';
              /** Format: date-time */
              updatedAt: string;
              version: number;
              worstCaseBps: number;
            };
          };
        };
      };
    };
    /** Replace a draft’s document; validated, 422 names the field (编辑草稿) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      /** @description A commission plan document (佣金方案); see docs/commission.md */
      requestBody: {
        content: {
          'application/json': {
            allowDepthAboveDefault: boolean;
            depthCap: number;
            hotProducts: {
              campaignId: string;
              skuId: string;
              steps: {
                minUnits: number;
                perUnitFen: number;
              }[];
            }[];
            levels: {
              categoryRates: {
                categoryId: string;
                rateBps: number;
              }[];
              directRateBps: number;
              levelId: string;
              peerBonus?: boolean;
              skuFixed: {
                perUnitFen: number;
                skuId: string;
              }[];
              skuRates: {
                rateBps: number;
                skuId: string;
              }[];
              teamRateBps: number;
            }[];
            name: string;
            recruit: {
              bonusFen: number;
              rateBps: number;
              rateDays: number;
              thresholdFen: number;
              withinDays: number;
            } | null;
            regional: {
              rateBps: number;
            } | null;
            selfPurchaseEarnsDirect: boolean;
            team:
              | {
                  /** @enum {string} */
                  mode: 'none';
                }
              | {
                  /** @enum {string} */
                  mode: 'differential';
                  peerGenerations: number;
                  peerRateBps: number;
                }
              | {
                  generationRatesBps: number[];
                  /** @enum {string} */
                  mode: 'generations';
                };
            tiered: {
              mode: 'whole' | 'marginal';
              tiers: {
                fromFen: number;
                rateBps: number;
              }[];
            } | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              activatedAt: string | null;
              activations: {
                /** Format: date-time */
                activatedAt: string;
                activatedBy: string | null;
                activatedByName: string | null;
                id: string;
                planId: string;
                previousPlanId: string | null;
                version: number;
              }[];
              /** Format: date-time */
              archivedAt: string | null;
              copiedFromId: string | null;
              /** Format: date-time */
              createdAt: string;
              createdBy: string | null;
              createdByName: string | null;
              description: {
                en: {
                  kind: string;
                  lines: string[];
                  title: string;
                }[];
                zh: {
                  kind: string;
                  lines: string[];
                  title: string;
                }[];
              };
              /** @description A commission plan document (佣金方案); see docs/commission.md */
              document: {
                allowDepthAboveDefault: boolean;
                depthCap: number;
                hotProducts: {
                  campaignId: string;
                  skuId: string;
                  steps: {
                    minUnits: number;
                    perUnitFen: number;
                  }[];
                }[];
                levels: {
                  categoryRates: {
                    categoryId: string;
                    rateBps: number;
                  }[];
                  directRateBps: number;
                  levelId: string;
                  peerBonus?: boolean;
                  skuFixed: {
                    perUnitFen: number;
                    skuId: string;
                  }[];
                  skuRates: {
                    rateBps: number;
                    skuId: string;
                  }[];
                  teamRateBps: number;
                }[];
                name: string;
                recruit: {
                  bonusFen: number;
                  rateBps: number;
                  rateDays: number;
                  thresholdFen: number;
                  withinDays: number;
                } | null;
                regional: {
                  rateBps: number;
                } | null;
                selfPurchaseEarnsDirect: boolean;
                team:
                  | {
                      /** @enum {string} */
                      mode: 'none';
                    }
                  | {
                      /** @enum {string} */
                      mode: 'differential';
                      peerGenerations: number;
                      peerRateBps: number;
                    }
                  | {
                      generationRatesBps: number[];
                      /** @enum {string} */
                      mode: 'generations';
                    };
                tiered: {
                  mode: 'whole' | 'marginal';
                  tiers: {
                    fromFen: number;
                    rateBps: number;
                  }[];
                } | null;
              };
              id: string;
              levels: {
                code: string;
                id: string;
                name: string;
                nameEn: string;
                rank: number;
                status: string;
              }[];
              name: string;
              status: 'draft' | 'active' | 'archived';
              /** Format: date-time */
              updatedAt: string;
              version: number;
              worstCaseBps: number;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/commission/plans/{id}/activate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Activate a draft; the active version is archived (启用方案) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              activatedAt: string | null;
              activations: {
                /** Format: date-time */
                activatedAt: string;
                activatedBy: string | null;
                activatedByName: string | null;
                id: string;
                planId: string;
                previousPlanId: string | null;
                version: number;
              }[];
              /** Format: date-time */
              archivedAt: string | null;
              copiedFromId: string | null;
              /** Format: date-time */
              createdAt: string;
              createdBy: string | null;
              createdByName: string | null;
              description: {
                en: {
                  kind: string;
                  lines: string[];
                  title: string;
                }[];
                zh: {
                  kind: string;
                  lines: string[];
                  title: string;
                }[];
              };
              /** @description A commission plan document (佣金方案); see docs/commission.md */
              document: {
                allowDepthAboveDefault: boolean;
                depthCap: number;
                hotProducts: {
                  campaignId: string;
                  skuId: string;
                  steps: {
                    minUnits: number;
                    perUnitFen: number;
                  }[];
                }[];
                levels: {
                  categoryRates: {
                    categoryId: string;
                    rateBps: number;
                  }[];
                  directRateBps: number;
                  levelId: string;
                  peerBonus?: boolean;
                  skuFixed: {
                    perUnitFen: number;
                    skuId: string;
                  }[];
                  skuRates: {
                    rateBps: number;
                    skuId: string;
                  }[];
                  teamRateBps: number;
                }[];
                name: string;
                recruit: {
                  bonusFen: number;
                  rateBps: number;
                  rateDays: number;
                  thresholdFen: number;
                  withinDays: number;
                } | null;
                regional: {
                  rateBps: number;
                } | null;
                selfPurchaseEarnsDirect: boolean;
                team:
                  | {
                      /** @enum {string} */
                      mode: 'none';
                    }
                  | {
                      /** @enum {string} */
                      mode: 'differential';
                      peerGenerations: number;
                      peerRateBps: number;
                    }
                  | {
                      generationRatesBps: number[];
                      /** @enum {string} */
                      mode: 'generations';
                    };
                tiered: {
                  mode: 'whole' | 'marginal';
                  tiers: {
                    fromFen: number;
                    rateBps: number;
                  }[];
                } | null;
              };
              id: string;
              levels: {
                code: string;
                id: string;
                name: string;
                nameEn: string;
                rank: number;
                status: string;
              }[];
              name: string;
              status: 'draft' | 'active' | 'archived';
              /** Format: date-time */
              updatedAt: string;
              version: number;
              worstCaseBps: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/commission/plans/{id}/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Archive a draft (作废草稿) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              activatedAt: string | null;
              activations: {
                /** Format: date-time */
                activatedAt: string;
                activatedBy: string | null;
                activatedByName: string | null;
                id: string;
                planId: string;
                previousPlanId: string | null;
                version: number;
              }[];
              /** Format: date-time */
              archivedAt: string | null;
              copiedFromId: string | null;
              /** Format: date-time */
              createdAt: string;
              createdBy: string | null;
              createdByName: string | null;
              description: {
                en: {
                  kind: string;
                  lines: string[];
                  title: string;
                }[];
                zh: {
                  kind: string;
                  lines: string[];
                  title: string;
                }[];
              };
              /** @description A commission plan document (佣金方案); see docs/commission.md */
              document: {
                allowDepthAboveDefault: boolean;
                depthCap: number;
                hotProducts: {
                  campaignId: string;
                  skuId: string;
                  steps: {
                    minUnits: number;
                    perUnitFen: number;
                  }[];
                }[];
                levels: {
                  categoryRates: {
                    categoryId: string;
                    rateBps: number;
                  }[];
                  directRateBps: number;
                  levelId: string;
                  peerBonus?: boolean;
                  skuFixed: {
                    perUnitFen: number;
                    skuId: string;
                  }[];
                  skuRates: {
                    rateBps: number;
                    skuId: string;
                  }[];
                  teamRateBps: number;
                }[];
                name: string;
                recruit: {
                  bonusFen: number;
                  rateBps: number;
                  rateDays: number;
                  thresholdFen: number;
                  withinDays: number;
                } | null;
                regional: {
                  rateBps: number;
                } | null;
                selfPurchaseEarnsDirect: boolean;
                team:
                  | {
                      /** @enum {string} */
                      mode: 'none';
                    }
                  | {
                      /** @enum {string} */
                      mode: 'differential';
                      peerGenerations: number;
                      peerRateBps: number;
                    }
                  | {
                      generationRatesBps: number[];
                      /** @enum {string} */
                      mode: 'generations';
                    };
                tiered: {
                  mode: 'whole' | 'marginal';
                  tiers: {
                    fromFen: number;
                    rateBps: number;
                  }[];
                } | null;
              };
              id: string;
              levels: {
                code: string;
                id: string;
                name: string;
                nameEn: string;
                rank: number;
                status: string;
              }[];
              name: string;
              status: 'draft' | 'active' | 'archived';
              /** Format: date-time */
              updatedAt: string;
              version: number;
              worstCaseBps: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/commission/plans/{id}/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Compute an example line under the plan (or an unsaved document); writes nothing (试算) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            chain: {
              levelId: string | null;
            }[];
            /** @description A commission plan document (佣金方案); see docs/commission.md */
            document?: {
              allowDepthAboveDefault: boolean;
              depthCap: number;
              hotProducts: {
                campaignId: string;
                skuId: string;
                steps: {
                  minUnits: number;
                  perUnitFen: number;
                }[];
              }[];
              levels: {
                categoryRates: {
                  categoryId: string;
                  rateBps: number;
                }[];
                directRateBps: number;
                levelId: string;
                peerBonus?: boolean;
                skuFixed: {
                  perUnitFen: number;
                  skuId: string;
                }[];
                skuRates: {
                  rateBps: number;
                  skuId: string;
                }[];
                teamRateBps: number;
              }[];
              name: string;
              recruit: {
                bonusFen: number;
                rateBps: number;
                rateDays: number;
                thresholdFen: number;
                withinDays: number;
              } | null;
              regional: {
                rateBps: number;
              } | null;
              selfPurchaseEarnsDirect: boolean;
              team:
                | {
                    /** @enum {string} */
                    mode: 'none';
                  }
                | {
                    /** @enum {string} */
                    mode: 'differential';
                    peerGenerations: number;
                    peerRateBps: number;
                  }
                | {
                    generationRatesBps: number[];
                    /** @enum {string} */
                    mode: 'generations';
                  };
              tiered: {
                mode: 'whole' | 'marginal';
                tiers: {
                  fromFen: number;
                  rateBps: number;
                }[];
              } | null;
            };
            line: {
              baseFen: number;
              categoryId?: string | null;
              quantity: number;
              selfPurchase?: boolean;
              skuId?: string;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              description: {
                en: {
                  kind: string;
                  lines: string[];
                  title: string;
                }[];
                zh: {
                  kind: string;
                  lines: string[];
                  title: string;
                }[];
              };
              entries:
                | {
                    amountFen: number;
                    baseFen: number;
                    beneficiaryId: string;
                    chainPosition: number;
                    explanation: {
                      [key: string]: unknown;
                    };
                    key: string;
                    perUnitFen: number | null;
                    rateBps: number | null;
                    rule: 'direct' | 'differential' | 'peer' | 'generation' | 'recruit_rate';
                    sentence: {
                      en: string;
                      zh: string;
                    };
                  }[]
                | null;
              problems: {
                code: string;
                detail: string;
                field: string;
                message: string;
                messageZh: string;
              }[];
              totalFen: number;
              worstCaseBps: number | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/commission/settlements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** T+1 settlement batches, newest day first (结算批次) */
    get: {
      parameters: {
        query: {
          page: number;
          pageSize: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                actorName: string | null;
                at: string;
                day: string;
                durationMs: number;
                entryCount: number;
                id: string;
                leaderCount: number;
                nettedFen: number;
                settledFen: number;
                transferCount: number;
                trigger: string;
              }[];
              total: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/commission/settlements/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One settlement with each leader’s part (结算明细) */
    get: {
      parameters: {
        query: {
          page: number;
          pageSize: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              actorName: string | null;
              at: string;
              day: string;
              durationMs: number;
              entryCount: number;
              id: string;
              leaderCount: number;
              nettedFen: number;
              settledFen: number;
              transferCount: number;
              trigger: string;
            } & {
              leaders: {
                items: {
                  availableFen: number;
                  entryCount: number;
                  leaderCode: string | null;
                  leaderId: string;
                  leaderName: string | null;
                  nettedFen: number;
                  settledFen: number;
                }[];
                total: number;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/commission/settlements/run': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Freeze what is due and settle an ended business day now; a settled day is not settled again */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            day: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              created: boolean;
              freeze: {
                afterSalesDays: number;
                asOf: string;
                entries: number;
                orders: number;
              } | null;
              settlement: {
                actorName: string | null;
                at: string;
                day: string;
                durationMs: number;
                entryCount: number;
                id: string;
                leaderCount: number;
                nettedFen: number;
                settledFen: number;
                transferCount: number;
                trigger: string;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/commission/simulations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Recompute the orders paid in a date range under a draft plan, against the active plan; writes nothing (佣金试算) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description YYYY-MM-DD (Asia/Shanghai) */
            from: string;
            planId: string;
            /** @description YYYY-MM-DD (Asia/Shanghai) */
            to: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              baseline: {
                lineFen: number;
                percentOfGmv: number;
                periodFen: number;
                totalFen: number;
              };
              baselinePlan: {
                id: string;
                name: string;
                version: number;
              } | null;
              byLevel: {
                baselineFen: number;
                diffFen: number;
                draftFen: number;
                levelId: string | null;
                levelName: string | null;
                levelNameEn: string | null;
              }[];
              byRule: {
                baselineFen: number;
                diffFen: number;
                draftEntries: number;
                draftFen: number;
                estimated: boolean;
                rule: string;
              }[];
              diff: {
                lineFen: number;
                percentOfGmv: number;
                periodFen: number;
                totalFen: number;
              };
              draft: {
                lineFen: number;
                percentOfGmv: number;
                periodFen: number;
                totalFen: number;
              };
              elapsedMs: number;
              from: string;
              hasBaseline: boolean;
              plan: {
                id: string;
                name: string;
                version: number;
              };
              to: string;
              topEarners: {
                baselineFen: number;
                code: string | null;
                diffFen: number;
                draftEntries: number;
                draftFen: number;
                leaderId: string;
                name: string;
              }[];
              totals: {
                gmvFen: number;
                leaders: number;
                lines: number;
                orders: number;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List customers (用户列表); search by full phone or name; phones masked */
    get: {
      parameters: {
        query: {
          page: number;
          pageSize: number;
          pickupPointId?: string;
          /** @description a full phone number, or part of a name */
          q?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                createdAt: string;
                defaultPickupPointId: string | null;
                id: string;
                name: string | null;
                phoneMasked: string;
                updatedAt: string;
              }[];
              total: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One customer (用户详情); phone masked */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              createdAt: string;
              defaultPickupPointId: string | null;
              id: string;
              name: string | null;
              phoneMasked: string;
              updatedAt: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/{id}/reveal-phone': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The full phone number (显示号码); audited as customer.phone_viewed */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              phone: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Outbox events and their deliveries (事件发件箱) */
    get: {
      parameters: {
        query: {
          page: number;
          pageSize: number;
          status?: 'pending' | 'delivered' | 'dead';
          type?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                aggregateId: string;
                aggregateType: string;
                createdAt: string;
                deliveries: {
                  attempts: number;
                  deliveredAt: string | null;
                  lastError: string | null;
                  nextAttemptAt: string;
                  status: 'pending' | 'delivered' | 'dead';
                  subscriber: string;
                }[];
                id: string;
                payload: unknown;
                requestId: string | null;
                type: string;
              }[];
              total: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leader-agreements/mine': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The current agreement for the logged-in leader, and whether they signed it (我的协议) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              current: {
                body: string;
                bodySha256: string;
                current: boolean;
                effectiveAt: string;
                graceDays: number;
                id: string;
                publishedAt: string;
                publishedByName: string | null;
                signBy: string;
                signedCount: number;
                title: string;
                version: number;
              } | null;
              history: {
                id: string;
                ip: string | null;
                leaderId: string;
                signatureSha256: string;
                signedAt: string;
                templateId: string;
                textSha256: string;
                typedName: string;
                userAgent: string | null;
                version: number;
              }[];
              leader: {
                code: string;
                id: string;
                name: string;
              };
              maySell: boolean;
              passwordChangeRequired: boolean;
              signature: {
                id: string;
                ip: string | null;
                leaderId: string;
                signatureSha256: string;
                signedAt: string;
                templateId: string;
                textSha256: string;
                typedName: string;
                userAgent: string | null;
                version: number;
              } | null;
              signed: boolean;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leader-agreements/mine/sign': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign the current agreement: typed name, consent and a drawn signature (签署协议) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            consent: boolean;
            /** @description data:image/png;base64,... of the drawn signature */
            signaturePng: string;
            textSha256: string;
            typedName: string;
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              ip: string | null;
              leaderId: string;
              signatureSha256: string;
              signedAt: string;
              templateId: string;
              textSha256: string;
              typedName: string;
              userAgent: string | null;
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leader-agreements/signatures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who signed a version and when, or who has not (签署情况); the current version by default */
    get: {
      parameters: {
        query: {
          page: number;
          pageSize: number;
          q?: string;
          signed?: 'signed' | 'unsigned';
          version?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                code: string;
                leaderId: string;
                name: string;
                regionName: string | null;
                signature: {
                  id: string;
                  ip: string | null;
                  signedAt: string;
                  typedName: string;
                } | null;
                status: string;
              }[];
              leaderCount: number;
              signedCount: number;
              total: number;
              version: number | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leader-agreements/signatures/{id}/print': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A signed agreement as a printable HTML page: text, signature, hash, time, IP (签署凭证) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description text/html */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/html': string;
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leader-agreements/templates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Agreement versions, newest (current) first, with how many leaders signed each (协议版本) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                body: string;
                bodySha256: string;
                current: boolean;
                effectiveAt: string;
                graceDays: number;
                id: string;
                publishedAt: string;
                publishedByName: string | null;
                signBy: string;
                signedCount: number;
                title: string;
                version: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Publish a new agreement version (发布新版本): leaders are asked to sign it at once, and it binds from its effective date plus its grace days; until then the previous signature still lets a leader sell */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            body: string;
            /**
             * Format: date-time
             * @description when the version takes effect (生效日期); now when left out, never in the past
             */
            effectiveAt?: string;
            /** @description days after the effective date during which the previous signature still lets a leader sell (宽限期); 0 when left out */
            graceDays?: number;
            title: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              body: string;
              bodySha256: string;
              current: boolean;
              effectiveAt: string;
              graceDays: number;
              id: string;
              publishedAt: string;
              publishedByName: string | null;
              signBy: string;
              signedCount: number;
              title: string;
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leader-applications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The review queue (团长申请列表); phones and ID numbers masked */
    get: {
      parameters: {
        query: {
          page: number;
          pageSize: number;
          /** @description name or application number contains, or a full phone / ID number */
          q?: string;
          /** @description this region and below */
          regionId?: string;
          status?: 'pending' | 'approved' | 'rejected';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              counts: {
                approved: number;
                pending: number;
                rejected: number;
              };
              items: {
                applicationNo: string;
                createdAt: string;
                decidedAt: string | null;
                decidedByName: string | null;
                firstReview: {
                  at: string;
                  byName: string | null;
                  note: string | null;
                  verdict: 'approve' | 'reject';
                } | null;
                id: string;
                idNumberMasked: string;
                name: string;
                phoneMasked: string;
                pickupPointName: string;
                referrer: {
                  code: string;
                  id: string;
                  name: string;
                } | null;
                regionId: string;
                regionName: string | null;
                rejectReason: string | null;
                status: 'pending' | 'approved' | 'rejected';
              }[];
              total: number;
            };
          };
        };
      };
    };
    put?: never;
    /** Apply to become a leader (申请成为团长); answers the status token once */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description mainland resident ID number (18 characters, GB 11643 check digit) */
            idNumber: string;
            name: string;
            /** @description mainland mobile, e.g. 138 1234 5678 */
            phone: string;
            pickupPoint: {
              address: string;
              /** @description -90 to 90 */
              latitude: number;
              /** @description -180 to 180 */
              longitude: number;
              name: string;
              openingHours: string;
            };
            referrerCode?: string | null;
            regionId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              applicationNo: string;
              createdAt: string;
              status: 'pending' | 'approved' | 'rejected';
              statusToken: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leader-applications/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One application (申请详情); phone and ID number masked */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              applicationNo: string;
              createdAt: string;
              decidedAt: string | null;
              decidedByName: string | null;
              firstReview: {
                at: string;
                byName: string | null;
                note: string | null;
                verdict: 'approve' | 'reject';
              } | null;
              id: string;
              idNumberMasked: string;
              latitude: number;
              leaderCode: string | null;
              leaderId: string | null;
              longitude: number;
              name: string;
              openingHours: string;
              phoneMasked: string;
              pickupPointAddress: string;
              pickupPointId: string | null;
              pickupPointName: string;
              referrer: {
                code: string;
                id: string;
                name: string;
              } | null;
              referrerCode: string | null;
              regionId: string;
              regionName: string | null;
              rejectReason: string | null;
              status: 'pending' | 'approved' | 'rejected';
              submittedIp: string | null;
              submittedUserAgent: string | null;
              userId: string | null;
              username: string | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leader-applications/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve (审核通过): creates the leader, their pickup point and login in one transaction; the initial password is answered once */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              application: {
                applicationNo: string;
                createdAt: string;
                decidedAt: string | null;
                decidedByName: string | null;
                firstReview: {
                  at: string;
                  byName: string | null;
                  note: string | null;
                  verdict: 'approve' | 'reject';
                } | null;
                id: string;
                idNumberMasked: string;
                latitude: number;
                leaderCode: string | null;
                leaderId: string | null;
                longitude: number;
                name: string;
                openingHours: string;
                phoneMasked: string;
                pickupPointAddress: string;
                pickupPointId: string | null;
                pickupPointName: string;
                referrer: {
                  code: string;
                  id: string;
                  name: string;
                } | null;
                referrerCode: string | null;
                regionId: string;
                regionName: string | null;
                rejectReason: string | null;
                status: 'pending' | 'approved' | 'rejected';
                submittedIp: string | null;
                submittedUserAgent: string | null;
                userId: string | null;
                username: string | null;
              };
              leader: {
                code: string;
                id: string;
                name: string;
              };
              login: {
                initialPassword: string;
                userId: string;
                username: string;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leader-applications/{id}/first-review': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record a first review (初审) of a pending application in the reviewer’s regions; the operator still decides */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            note?: string;
            /** @description the region manager recommends approving or rejecting (初审意见) */
            verdict: 'approve' | 'reject';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              applicationNo: string;
              createdAt: string;
              decidedAt: string | null;
              decidedByName: string | null;
              firstReview: {
                at: string;
                byName: string | null;
                note: string | null;
                verdict: 'approve' | 'reject';
              } | null;
              id: string;
              idNumberMasked: string;
              name: string;
              phoneMasked: string;
              pickupPointName: string;
              referrer: {
                code: string;
                id: string;
                name: string;
              } | null;
              regionId: string;
              regionName: string | null;
              rejectReason: string | null;
              status: 'pending' | 'approved' | 'rejected';
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leader-applications/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reject with a reason the applicant will read (驳回) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              applicationNo: string;
              createdAt: string;
              decidedAt: string | null;
              decidedByName: string | null;
              firstReview: {
                at: string;
                byName: string | null;
                note: string | null;
                verdict: 'approve' | 'reject';
              } | null;
              id: string;
              idNumberMasked: string;
              latitude: number;
              leaderCode: string | null;
              leaderId: string | null;
              longitude: number;
              name: string;
              openingHours: string;
              phoneMasked: string;
              pickupPointAddress: string;
              pickupPointId: string | null;
              pickupPointName: string;
              referrer: {
                code: string;
                id: string;
                name: string;
              } | null;
              referrerCode: string | null;
              regionId: string;
              regionName: string | null;
              rejectReason: string | null;
              status: 'pending' | 'approved' | 'rejected';
              submittedIp: string | null;
              submittedUserAgent: string | null;
              userId: string | null;
              username: string | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leader-applications/{id}/reveal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The full phone and ID number of an application; the read is audited (查看完整信息) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              idNumber: string;
              phone: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leader-applications/first-review': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Applications in the reviewer’s regions for a first review (初审列表); 409 while the company has it off */
    get: {
      parameters: {
        query: {
          page: number;
          pageSize: number;
          status?: 'pending' | 'approved' | 'rejected';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                applicationNo: string;
                createdAt: string;
                decidedAt: string | null;
                decidedByName: string | null;
                firstReview: {
                  at: string;
                  byName: string | null;
                  note: string | null;
                  verdict: 'approve' | 'reject';
                } | null;
                id: string;
                idNumberMasked: string;
                name: string;
                phoneMasked: string;
                pickupPointName: string;
                referrer: {
                  code: string;
                  id: string;
                  name: string;
                } | null;
                regionId: string;
                regionName: string | null;
                rejectReason: string | null;
                status: 'pending' | 'approved' | 'rejected';
              }[];
              total: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leader-applications/form': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What the application page needs: the region tree (申请表单) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              regions: {
                code: string;
                id: string;
                level: string;
                name: string;
                parentId: string | null;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leader-applications/referrer/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The referrer an invite link names, to show on the application page (推荐人) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              name: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leader-applications/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** An application’s status by its status-link token (申请进度) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            token: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              applicationNo: string;
              decidedAt: string | null;
              leaderCode: string | null;
              name: string;
              phoneMasked: string;
              pickupPointName: string;
              regionName: string | null;
              rejectReason: string | null;
              status: 'pending' | 'approved' | 'rejected';
              submittedAt: string;
              username: string | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leader-level-runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The latest assessment runs (考核记录) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                actorName: string | null;
                assessed: number | null;
                downgraded: number;
                durationMs: number | null;
                error: string | null;
                finishedAt: string | null;
                held: number | null;
                id: string;
                periodEnd: string;
                periodStart: string;
                scope: 'company' | 'region';
                startedAt: string;
                status: string;
                trigger: string;
                unchanged: number | null;
                upgraded: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Re-assess every leader now, for the last complete period or the one given (立即考核) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description a calendar day, YYYY-MM-DD */
            periodEnd?: string;
            /** @description a calendar day, YYYY-MM-DD */
            periodStart?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              assessed: number;
              downgraded: number;
              durationMs: number;
              held: number;
              periodEnd: string;
              periodStart: string;
              phasesMs: {
                decide: number;
                metrics: number;
                write: number;
              };
              runId: string;
              unchanged: number;
              upgraded: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leader-level-settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** When the assessment runs and which period it measures (考核设置) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            enabled?: boolean;
            periodKind?: 'month' | 'week';
            /** @description 1-28 of the month, 1-7 of the week */
            runDay?: number;
            runHour?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              enabled: boolean;
              periodKind: 'month' | 'week';
              runDay: number;
              runHour: number;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/leader-levels': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The level ladder with its rules in plain words (等级体系) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                code: string;
                createdAt: string;
                /** @description { all: [rule...] } | { any: [rule...] } | { metric: ownGmvFen|ownOrders|customers|teamGmvFen|directRecruits, op: >=|>|<|<=, value: integer >= 0 (fen for money), period?: { days: 1-366 }, generations?: 1-20 (teamGmvFen), activeOnly?: boolean (directRecruits) }; null: no rule */
                downgrade: (never | null) | unknown;
                downgradeText: {
                  en: string;
                  zh: string;
                };
                id: string;
                leaderCount: number;
                nameEn: string;
                nameZh: string;
                rank: number;
                status: 'active' | 'archived';
                updatedAt: string;
                /** @description { all: [rule...] } | { any: [rule...] } | { metric: ownGmvFen|ownOrders|customers|teamGmvFen|directRecruits, op: >=|>|<|<=, value: integer >= 0 (fen for money), period?: { days: 1-366 }, generations?: 1-20 (teamGmvFen), activeOnly?: boolean (directRecruits) }; null: no rule */
                upgrade: (never | null) | unknown;
                upgradeText: {
                  en: string;
                  zh: string;
                };
              }[];
              periodLabel: {
                en: string;
                zh: string;
              };
              settings: {
                enabled: boolean;
                periodKind: 'month' | 'week';
                runDay: number;
                runHour: number;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Add a level to the ladder (新增等级) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description e.g. GOLD; capitals, digits, _ */
            code: string;
            /** @description { all: [rule...] } | { any: [rule...] } | { metric: ownGmvFen|ownOrders|customers|teamGmvFen|directRecruits, op: >=|>|<|<=, value: integer >= 0 (fen for money), period?: { days: 1-366 }, generations?: 1-20 (teamGmvFen), activeOnly?: boolean (directRecruits) }; null: no rule */
            downgrade?: (never | null) | unknown;
            nameEn: string;
            nameZh: string;
            /** @description higher is better; unique among active levels */
            rank: number;
            /** @description { all: [rule...] } | { any: [rule...] } | { metric: ownGmvFen|ownOrders|customers|teamGmvFen|directRecruits, op: >=|>|<|<=, value: integer >= 0 (fen for money), period?: { days: 1-366 }, generations?: 1-20 (teamGmvFen), activeOnly?: boolean (directRecruits) }; null: no rule */
            upgrade?: (never | null) | unknown;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              createdAt: string;
              /** @description { all: [rule...] } | { any: [rule...] } | { metric: ownGmvFen|ownOrders|customers|teamGmvFen|directRecruits, op: >=|>|<|<=, value: integer >= 0 (fen for money), period?: { days: 1-366 }, generations?: 1-20 (teamGmvFen), activeOnly?: boolean (directRecruits) }; null: no rule */
              downgrade: (never | null) | unknown;
              downgradeText: {
                en: string;
                zh: string;
              };
              id: string;
              leaderCount: number;
              nameEn: string;
              nameZh: string;
              rank: number;
              status: 'active' | 'archived';
              updatedAt: string;
              /** @description { all: [rule...] } | { any: [rule...] } | { metric: ownGmvFen|ownOrders|customers|teamGmvFen|directRecruits, op: >=|>|<|<=, value: integer >= 0 (fen for money), period?: { days: 1-366 }, generations?: 1-20 (teamGmvFen), activeOnly?: boolean (directRecruits) }; null: no rule */
              upgrade: (never | null) | unknown;
              upgradeText: {
                en: string;
                zh: string;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leader-levels/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Edit a level: names, rank, upgrade and downgrade rules (编辑等级与规则) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description e.g. GOLD; capitals, digits, _ */
            code?: string;
            /** @description { all: [rule...] } | { any: [rule...] } | { metric: ownGmvFen|ownOrders|customers|teamGmvFen|directRecruits, op: >=|>|<|<=, value: integer >= 0 (fen for money), period?: { days: 1-366 }, generations?: 1-20 (teamGmvFen), activeOnly?: boolean (directRecruits) }; null: no rule */
            downgrade?: (never | null) | unknown;
            nameEn?: string;
            nameZh?: string;
            /** @description higher is better; unique among active levels */
            rank?: number;
            /** @description { all: [rule...] } | { any: [rule...] } | { metric: ownGmvFen|ownOrders|customers|teamGmvFen|directRecruits, op: >=|>|<|<=, value: integer >= 0 (fen for money), period?: { days: 1-366 }, generations?: 1-20 (teamGmvFen), activeOnly?: boolean (directRecruits) }; null: no rule */
            upgrade?: (never | null) | unknown;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              createdAt: string;
              /** @description { all: [rule...] } | { any: [rule...] } | { metric: ownGmvFen|ownOrders|customers|teamGmvFen|directRecruits, op: >=|>|<|<=, value: integer >= 0 (fen for money), period?: { days: 1-366 }, generations?: 1-20 (teamGmvFen), activeOnly?: boolean (directRecruits) }; null: no rule */
              downgrade: (never | null) | unknown;
              downgradeText: {
                en: string;
                zh: string;
              };
              id: string;
              leaderCount: number;
              nameEn: string;
              nameZh: string;
              rank: number;
              status: 'active' | 'archived';
              updatedAt: string;
              /** @description { all: [rule...] } | { any: [rule...] } | { metric: ownGmvFen|ownOrders|customers|teamGmvFen|directRecruits, op: >=|>|<|<=, value: integer >= 0 (fen for money), period?: { days: 1-366 }, generations?: 1-20 (teamGmvFen), activeOnly?: boolean (directRecruits) }; null: no rule */
              upgrade: (never | null) | unknown;
              upgradeText: {
                en: string;
                zh: string;
              };
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/leader-levels/{id}/activate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Put an archived level back on the ladder (启用等级) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              createdAt: string;
              /** @description { all: [rule...] } | { any: [rule...] } | { metric: ownGmvFen|ownOrders|customers|teamGmvFen|directRecruits, op: >=|>|<|<=, value: integer >= 0 (fen for money), period?: { days: 1-366 }, generations?: 1-20 (teamGmvFen), activeOnly?: boolean (directRecruits) }; null: no rule */
              downgrade: (never | null) | unknown;
              downgradeText: {
                en: string;
                zh: string;
              };
              id: string;
              leaderCount: number;
              nameEn: string;
              nameZh: string;
              rank: number;
              status: 'active' | 'archived';
              updatedAt: string;
              /** @description { all: [rule...] } | { any: [rule...] } | { metric: ownGmvFen|ownOrders|customers|teamGmvFen|directRecruits, op: >=|>|<|<=, value: integer >= 0 (fen for money), period?: { days: 1-366 }, generations?: 1-20 (teamGmvFen), activeOnly?: boolean (directRecruits) }; null: no rule */
              upgrade: (never | null) | unknown;
              upgradeText: {
                en: string;
                zh: string;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leader-levels/{id}/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Take a level off the ladder; refused while leaders are on it (停用等级) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              createdAt: string;
              /** @description { all: [rule...] } | { any: [rule...] } | { metric: ownGmvFen|ownOrders|customers|teamGmvFen|directRecruits, op: >=|>|<|<=, value: integer >= 0 (fen for money), period?: { days: 1-366 }, generations?: 1-20 (teamGmvFen), activeOnly?: boolean (directRecruits) }; null: no rule */
              downgrade: (never | null) | unknown;
              downgradeText: {
                en: string;
                zh: string;
              };
              id: string;
              leaderCount: number;
              nameEn: string;
              nameZh: string;
              rank: number;
              status: 'active' | 'archived';
              updatedAt: string;
              /** @description { all: [rule...] } | { any: [rule...] } | { metric: ownGmvFen|ownOrders|customers|teamGmvFen|directRecruits, op: >=|>|<|<=, value: integer >= 0 (fen for money), period?: { days: 1-366 }, generations?: 1-20 (teamGmvFen), activeOnly?: boolean (directRecruits) }; null: no rule */
              upgrade: (never | null) | unknown;
              upgradeText: {
                en: string;
                zh: string;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leader-levels/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Check rules and read them in plain words, without saving (规则预览) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description { all: [rule...] } | { any: [rule...] } | { metric: ownGmvFen|ownOrders|customers|teamGmvFen|directRecruits, op: >=|>|<|<=, value: integer >= 0 (fen for money), period?: { days: 1-366 }, generations?: 1-20 (teamGmvFen), activeOnly?: boolean (directRecruits) }; null: no rule */
            downgrade?: (never | null) | unknown;
            /** @description { all: [rule...] } | { any: [rule...] } | { metric: ownGmvFen|ownOrders|customers|teamGmvFen|directRecruits, op: >=|>|<|<=, value: integer >= 0 (fen for money), period?: { days: 1-366 }, generations?: 1-20 (teamGmvFen), activeOnly?: boolean (directRecruits) }; null: no rule */
            upgrade?: (never | null) | unknown;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description { all: [rule...] } | { any: [rule...] } | { metric: ownGmvFen|ownOrders|customers|teamGmvFen|directRecruits, op: >=|>|<|<=, value: integer >= 0 (fen for money), period?: { days: 1-366 }, generations?: 1-20 (teamGmvFen), activeOnly?: boolean (directRecruits) }; null: no rule */
              downgrade: (never | null) | unknown;
              downgradeText: {
                en: string;
                zh: string;
              };
              /** @description { all: [rule...] } | { any: [rule...] } | { metric: ownGmvFen|ownOrders|customers|teamGmvFen|directRecruits, op: >=|>|<|<=, value: integer >= 0 (fen for money), period?: { days: 1-366 }, generations?: 1-20 (teamGmvFen), activeOnly?: boolean (directRecruits) }; null: no rule */
              upgrade: (never | null) | unknown;
              upgradeText: {
                en: string;
                zh: string;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leader-onboarding-settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Onboarding settings (招募设置): whether region managers do a first review */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description region managers do the first review (初审) of applications in their regions */
              regionFirstReview: boolean;
              updatedAt: string | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Turn region managers’ first review of applications on or off (区域经理初审) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            regionFirstReview: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description region managers do the first review (初审) of applications in their regions */
              regionFirstReview: boolean;
              updatedAt: string | null;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/leader-training/materials': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Training materials with their completion rate among active leaders (培训资料) */
    get: {
      parameters: {
        query?: {
          status?: 'active' | 'archived';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                bodyHtml: string | null;
                completedCount: number;
                completionRate: number;
                createdAt: string;
                id: string;
                kind: 'article' | 'video' | 'document';
                required: boolean;
                sortOrder: number;
                status: 'active' | 'archived';
                title: string;
                updatedAt: string;
                url: string | null;
              }[];
              leaderCount: number;
            };
          };
        };
      };
    };
    put?: never;
    /** Add a material: an article (rich text, sanitized) or a video / document link (新增培训资料) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            bodyHtml?: string | null;
            kind: 'article' | 'video' | 'document';
            required: boolean;
            sortOrder: number;
            title: string;
            url?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              bodyHtml: string | null;
              createdAt: string;
              id: string;
              kind: 'article' | 'video' | 'document';
              required: boolean;
              sortOrder: number;
              status: 'active' | 'archived';
              title: string;
              updatedAt: string;
              url: string | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leader-training/materials/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One training material (培训资料详情) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              bodyHtml: string | null;
              createdAt: string;
              id: string;
              kind: 'article' | 'video' | 'document';
              required: boolean;
              sortOrder: number;
              status: 'active' | 'archived';
              title: string;
              updatedAt: string;
              url: string | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Edit a training material (编辑培训资料) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            bodyHtml?: string | null;
            kind?: 'article' | 'video' | 'document';
            required?: boolean;
            sortOrder?: number;
            title?: string;
            url?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              bodyHtml: string | null;
              createdAt: string;
              id: string;
              kind: 'article' | 'video' | 'document';
              required: boolean;
              sortOrder: number;
              status: 'active' | 'archived';
              title: string;
              updatedAt: string;
              url: string | null;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/leader-training/materials/{id}/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Archive a material: leaders no longer see it (下架) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              bodyHtml: string | null;
              createdAt: string;
              id: string;
              kind: 'article' | 'video' | 'document';
              required: boolean;
              sortOrder: number;
              status: 'active' | 'archived';
              title: string;
              updatedAt: string;
              url: string | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leader-training/materials/{id}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Show an archived material to leaders again (重新上架) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              bodyHtml: string | null;
              createdAt: string;
              id: string;
              kind: 'article' | 'video' | 'document';
              required: boolean;
              sortOrder: number;
              status: 'active' | 'archived';
              title: string;
              updatedAt: string;
              url: string | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leader-training/mine': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The logged-in leader’s training materials and what they completed (我的培训) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                bodyHtml: string | null;
                completedAt: string | null;
                createdAt: string;
                id: string;
                kind: 'article' | 'video' | 'document';
                required: boolean;
                sortOrder: number;
                status: 'active' | 'archived';
                title: string;
                updatedAt: string;
                url: string | null;
              }[];
              leader: {
                id: string;
                name: string;
              };
              requiredDone: number;
              requiredTotal: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leader-training/mine/{id}/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark a material completed (学习完成); marking again keeps the first time */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description the leader confirmed reading the article to its end, or opening the link
             * @enum {boolean}
             */
            confirmed: true;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              completedAt: string;
              firstTime: boolean;
              materialId: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leader-training/progress': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Training progress per leader: required and all materials completed (学习进度) */
    get: {
      parameters: {
        query: {
          incomplete?: boolean;
          page: number;
          pageSize: number;
          q?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              allTotal: number;
              items: {
                allTotal: number;
                code: string;
                completionRate: number;
                done: number;
                lastCompletedAt: string | null;
                leaderId: string;
                name: string;
                regionName: string | null;
                requiredComplete: boolean;
                requiredDone: number;
                requiredTotal: number;
                status: string;
              }[];
              requiredTotal: number;
              total: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leaders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List leaders (团长列表); phones masked */
    get: {
      parameters: {
        query: {
          /** @description leaders at this level (团长等级) */
          levelId?: string;
          page: number;
          pageSize: number;
          /** @description name or code contains, or a full phone */
          q?: string;
          /** @description direct recruits of this leader (直推) */
          referrerId?: string;
          /** @description this region and below */
          regionId?: string;
          status?: 'active' | 'suspended';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                activePickupPointCount: number;
                code: string;
                createdAt: string;
                id: string;
                name: string;
                phoneMasked: string;
                pickupPointCount: number;
                referrerCode?: string | null;
                referrerId: string | null;
                referrerName?: string | null;
                regionId: string;
                regionName: string | null;
                status: 'active' | 'suspended';
                updatedAt: string;
                userId: string | null;
              }[];
              total: number;
            };
          };
        };
      };
    };
    put?: never;
    /** Create a leader with their first pickup point (新建团长) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** @description mainland mobile, e.g. 138 1234 1234 */
            phone: string;
            pickupPoint: {
              address: string;
              capacity?: number | null;
              latitude?: number | null;
              longitude?: number | null;
              name: string;
              openingHours?: string;
              regionId?: string;
            };
            referrerId?: string | null;
            regionId: string;
            userId?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              createdAt: string;
              id: string;
              name: string;
              phoneMasked: string;
              pickupPoints: {
                address: string;
                capacity: number | null;
                createdAt: string;
                id: string;
                latitude: number | null;
                leaderId: string;
                longitude: number | null;
                name: string;
                openingHours: string;
                regionId: string;
                regionName: string | null;
                status: 'active' | 'closed';
                updatedAt: string;
              }[];
              referrerCode?: string | null;
              referrerId: string | null;
              referrerName?: string | null;
              regionId: string;
              regionName: string | null;
              status: 'active' | 'suspended';
              updatedAt: string;
              userId: string | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leaders/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One leader with their pickup points (团长详情) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              createdAt: string;
              id: string;
              name: string;
              phoneMasked: string;
              pickupPoints: {
                address: string;
                capacity: number | null;
                createdAt: string;
                id: string;
                latitude: number | null;
                leaderId: string;
                longitude: number | null;
                name: string;
                openingHours: string;
                regionId: string;
                regionName: string | null;
                status: 'active' | 'closed';
                updatedAt: string;
              }[];
              referrerCode?: string | null;
              referrerId: string | null;
              referrerName?: string | null;
              regionId: string;
              regionName: string | null;
              status: 'active' | 'suspended';
              updatedAt: string;
              userId: string | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a leader’s name, phone, region or login (编辑团长) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            /** @description mainland mobile, e.g. 138 1234 1234 */
            phone?: string;
            regionId?: string;
            userId?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              createdAt: string;
              id: string;
              name: string;
              phoneMasked: string;
              pickupPoints: {
                address: string;
                capacity: number | null;
                createdAt: string;
                id: string;
                latitude: number | null;
                leaderId: string;
                longitude: number | null;
                name: string;
                openingHours: string;
                regionId: string;
                regionName: string | null;
                status: 'active' | 'closed';
                updatedAt: string;
              }[];
              referrerCode?: string | null;
              referrerId: string | null;
              referrerName?: string | null;
              regionId: string;
              regionName: string | null;
              status: 'active' | 'suspended';
              updatedAt: string;
              userId: string | null;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/leaders/{id}/activate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Activate a suspended leader again (启用团长) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              createdAt: string;
              id: string;
              name: string;
              phoneMasked: string;
              pickupPoints: {
                address: string;
                capacity: number | null;
                createdAt: string;
                id: string;
                latitude: number | null;
                leaderId: string;
                longitude: number | null;
                name: string;
                openingHours: string;
                regionId: string;
                regionName: string | null;
                status: 'active' | 'closed';
                updatedAt: string;
              }[];
              referrerCode?: string | null;
              referrerId: string | null;
              referrerName?: string | null;
              regionId: string;
              regionName: string | null;
              status: 'active' | 'suspended';
              updatedAt: string;
              userId: string | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leaders/{id}/level': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A leader’s level, hold and level history with the figures behind each change (等级记录) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              heldUntil: string | null;
              history: {
                actorName: string | null;
                at: string;
                cause: 'initial' | 'assessment' | 'override';
                figures: {
                  [key: string]: number;
                } | null;
                from: {
                  code: string;
                  id: string;
                  nameEn: string;
                  nameZh: string;
                  rank: number;
                } | null;
                heldUntil: string | null;
                id: string;
                lines: {
                  actual?: number;
                  actualText?: string;
                  depth: number;
                  held: boolean;
                  kind: 'all' | 'any' | 'condition';
                  metric?: string;
                  target?: number;
                  text: {
                    en: string;
                    zh: string;
                  };
                }[];
                periodEnd: string | null;
                periodStart: string | null;
                reason: string | null;
                rule: string | null;
                to: {
                  code: string;
                  id: string;
                  nameEn: string;
                  nameZh: string;
                  rank: number;
                } | null;
              }[];
              leaderId: string;
              level: {
                code: string;
                id: string;
                nameEn: string;
                nameZh: string;
                rank: number;
              } | null;
            };
          };
        };
      };
    };
    put?: never;
    /** Set a leader’s level by hand, with a reason and an optional hold (手动调级 / 保级) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: date-time
             * @description no re-assessment before this
             */
            holdUntil?: string | null;
            levelId: string;
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              changeId: string;
              heldUntil: string | null;
              leaderId: string;
              levelId: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leaders/{id}/level-progress': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A leader’s progress towards the next level this period (升级进度) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              current: {
                code: string;
                id: string;
                nameEn: string;
                nameZh: string;
                rank: number;
              } | null;
              heldUntil: string | null;
              keep: {
                dropRule: {
                  holds: boolean;
                  lines: {
                    actual?: number;
                    actualText?: string;
                    depth: number;
                    held: boolean;
                    kind: 'all' | 'any' | 'condition';
                    metric?: string;
                    target?: number;
                    text: {
                      en: string;
                      zh: string;
                    };
                  }[];
                  text: {
                    en: string;
                    zh: string;
                  };
                };
                missing: {
                  direction: 'atLeast' | 'atMost';
                  have: number;
                  haveText: string;
                  label: {
                    en: string;
                    zh: string;
                  };
                  metric: string;
                  need: number;
                  needText: string;
                  short: number;
                  shortText: string;
                }[];
                onTrack: boolean;
              } | null;
              leaderId: string;
              next: {
                code: string;
                id: string;
                nameEn: string;
                nameZh: string;
                rank: number;
              } | null;
              period: {
                end: string;
                label: {
                  en: string;
                  zh: string;
                };
                start: string;
              };
              upgrade: {
                lines: {
                  actual?: number;
                  actualText?: string;
                  depth: number;
                  held: boolean;
                  kind: 'all' | 'any' | 'condition';
                  metric?: string;
                  target?: number;
                  text: {
                    en: string;
                    zh: string;
                  };
                }[];
                met: boolean;
                text: {
                  en: string;
                  zh: string;
                };
              } | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leaders/{id}/move-referrer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Move a leader with their whole team to another referrer, with a reason (调整推荐人) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
            /** @description null: no referrer */
            referrerId: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              at: string;
              fromReferrerId: string | null;
              leaderId: string;
              movedLeaders: number;
              toReferrerId: string | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leaders/{id}/onboarding': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A leader’s application, agreement records and training (签约与培训), for the leader detail page */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              agreements: {
                currentVersion: number | null;
                items: {
                  id: string;
                  ip: string | null;
                  leaderId: string;
                  signatureSha256: string;
                  signedAt: string;
                  templateId: string;
                  textSha256: string;
                  title: string;
                  typedName: string;
                  userAgent: string | null;
                  version: number;
                }[];
                signedCurrent: boolean;
              };
              application: {
                applicationNo: string;
                decidedAt: string | null;
                id: string;
              } | null;
              training: {
                items: {
                  completedAt: string | null;
                  kind: 'article' | 'video' | 'document';
                  materialId: string;
                  required: boolean;
                  title: string;
                }[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leaders/{id}/pickup-points': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a pickup point to a leader (新增自提点) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            address: string;
            capacity?: number | null;
            latitude?: number | null;
            longitude?: number | null;
            name: string;
            openingHours?: string;
            regionId?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              address: string;
              capacity: number | null;
              createdAt: string;
              id: string;
              latitude: number | null;
              leaderId: string;
              longitude: number | null;
              name: string;
              openingHours: string;
              regionId: string;
              regionName: string | null;
              status: 'active' | 'closed';
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leaders/{id}/recruits': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Direct recruits (直推) with their own team size and team GMV: one level of the team tree */
    get: {
      parameters: {
        query?: {
          /** @description as of this moment (history) */
          at?: string;
          /** @description YYYY-MM-DD, Asia/Shanghai */
          from?: string;
          /** @description YYYY-MM-DD, Asia/Shanghai */
          to?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                code: string | null;
                directRecruits: number;
                leaderId: string;
                name: string | null;
                ownGmvFen: number;
                regionId: string | null;
                regionName: string | null;
                since: string;
                status: string | null;
                teamGmvFen: number;
                teamSize: number;
                visible: boolean;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leaders/{id}/referrer-history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who the referrer was, period by period (推荐关系历史), newest first */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                actorName: string | null;
                cause: string;
                id: string;
                reason: string | null;
                referrer: {
                  code: string | null;
                  leaderId: string;
                  name: string | null;
                  regionId: string | null;
                  regionName: string | null;
                  status: string | null;
                  visible: boolean;
                } | null;
                validFrom: string;
                validTo: string | null;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leaders/{id}/suspend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Suspend a leader: their code stops taking orders (停用团长) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              createdAt: string;
              id: string;
              name: string;
              phoneMasked: string;
              pickupPoints: {
                address: string;
                capacity: number | null;
                createdAt: string;
                id: string;
                latitude: number | null;
                leaderId: string;
                longitude: number | null;
                name: string;
                openingHours: string;
                regionId: string;
                regionName: string | null;
                status: 'active' | 'closed';
                updatedAt: string;
              }[];
              referrerCode?: string | null;
              referrerId: string | null;
              referrerName?: string | null;
              regionId: string;
              regionName: string | null;
              status: 'active' | 'suspended';
              updatedAt: string;
              userId: string | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leaders/{id}/team': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Team size and team GMV (团队规模 / 团队业绩): all descendants or N generations, over days */
    get: {
      parameters: {
        query?: {
          /** @description YYYY-MM-DD, Asia/Shanghai */
          from?: string;
          generations?: number;
          /** @description YYYY-MM-DD, Asia/Shanghai */
          to?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              depth: number;
              directRecruits: number;
              gmvFen: number;
              leaderId: string;
              orders: number;
              ownGmvFen: number;
              referrer: {
                code: string | null;
                leaderId: string;
                name: string | null;
                regionId: string | null;
                regionName: string | null;
                status: string | null;
                visible: boolean;
              } | null;
              size: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leaders/{id}/upline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The upline chain (上级链), direct referrer first; `at` gives the chain as it was then */
    get: {
      parameters: {
        query?: {
          /** @description as of this moment (history) */
          at?: string;
          maxDepth?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              at: string | null;
              items: {
                code: string | null;
                depth: number;
                leaderId: string;
                name: string | null;
                regionId: string | null;
                regionName: string | null;
                status: string | null;
                visible: boolean;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leaders/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The filtered leaders list as xlsx, every matching leader, streamed (导出团长) */
    get: {
      parameters: {
        query?: {
          /** @description leaders at this level (团长等级) */
          levelId?: string;
          /** @description name or code contains, or a full phone */
          q?: string;
          /** @description direct recruits of this leader (直推) */
          referrerId?: string;
          /** @description this region and below */
          regionId?: string;
          status?: 'active' | 'suspended';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leaders/import-template': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download the xlsx template for importing leaders (下载团长导入模板) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leaders/imports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Upload an xlsx (base64) to validate or import leaders; answers a job id to poll (团长导入) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description the xlsx file, base64 */
            fileBase64: string;
            mode: 'validate' | 'import_valid_rows' | 'import_all';
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              jobId: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leaders/imports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Progress and row-by-row error report of a leader import (导入进度) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              created: number;
              createdAt: string;
              errorCount: number;
              errors: {
                code: string;
                column?: string;
                field: string;
                message: string;
                messageZh: string;
                row: number;
              }[];
              finishedAt: string | null;
              id: string;
              logins: {
                /** @description the sheet of one-time passwords can be downloaded (once, by the importing operator) */
                downloadable: boolean;
                downloadedAt: string | null;
              };
              message: string | null;
              mode: 'validate' | 'import_valid_rows' | 'import_all';
              processedRows: number;
              status: 'running' | 'validated' | 'completed' | 'rejected' | 'failed';
              totalRows: number;
              updated: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leaders/imports/{id}/errors.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The bad rows of a finished leader import as xlsx: the template headers and a reason column (错误行下载) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leaders/imports/{id}/logins': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Download, once, the sheet of the logins and one-time passwords a leader import made; then they are erased (初始密码表) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ledger/invariants': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Run the ledger invariant check now and list every problem found (不变量校验) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              accounts: number;
              checkedAt: string;
              checks: {
                name: string;
                problems: number;
              }[];
              ok: boolean;
              problems: {
                accountCode?: string;
                actualFen?: number;
                causeIds?: string[];
                causeType?: string;
                check: string;
                expectedFen?: number;
                message: string;
                messageZh: string;
              }[];
              sumFen: number;
              transfers: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ledger/leader-balances': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Leaders with their balances, searched by name or code (团长账户余额) */
    get: {
      parameters: {
        query: {
          nonZero?: boolean;
          page: number;
          pageSize: number;
          q?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: ({
                availableFen: number;
                leaderId: string;
                owedFen: number;
                paidOutFen: number;
                pendingFen: number;
                totalFen: number;
                withdrawingFen: number;
              } & {
                leaderCode: string;
                leaderName: string;
                leaderStatus: string;
              })[];
              total: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ledger/leaders/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One leader’s balances and payout account (masked) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              balances: {
                availableFen: number;
                leaderId: string;
                owedFen: number;
                paidOutFen: number;
                pendingFen: number;
                totalFen: number;
                withdrawingFen: number;
              };
              leader: {
                code: string;
                id: string;
                name: string;
              };
              payoutAccount: {
                accountMasked: string;
                bankName: string | null;
                leaderId: string;
                method: 'bank' | 'wechat';
                payeeName: string;
                updatedAt: string;
              } | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ledger/leaders/{id}/payout-account': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set where a leader’s withdrawals are paid: bank card or WeChat openid (收款账户) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            account: string;
            bankName?: string | null;
            method: 'bank' | 'wechat';
            payeeName: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              accountMasked: string;
              bankName: string | null;
              leaderId: string;
              method: 'bank' | 'wechat';
              payeeName: string;
              updatedAt: string;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ledger/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My balances, payout account and the withdrawal rules (我的收益) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              balances: {
                availableFen: number;
                leaderId: string;
                owedFen: number;
                paidOutFen: number;
                pendingFen: number;
                totalFen: number;
                withdrawingFen: number;
              };
              leader: {
                code: string;
                id: string;
                name: string;
              };
              payoutAccount: {
                accountMasked: string;
                bankName: string | null;
                leaderId: string;
                method: 'bank' | 'wechat';
                payeeName: string;
                updatedAt: string;
              } | null;
              requestsToday: number;
              rules: {
                dailyCountLimit: number;
                feeBps: number;
                feeFixedFen: number;
                minAmountFen: number;
                taxBps: number;
              };
              withdrawableFen: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ledger/me/payout-account': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set my payout account: bank card or WeChat openid (收款账户) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            account: string;
            bankName?: string | null;
            method: 'bank' | 'wechat';
            payeeName: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              accountMasked: string;
              bankName: string | null;
              leaderId: string;
              method: 'bank' | 'wechat';
              payeeName: string;
              updatedAt: string;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ledger/me/statements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My monthly statement (我的对账单) */
    get: {
      parameters: {
        query: {
          /** @description YYYY-MM (Asia/Shanghai) */
          month: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              closing: {
                available: number;
                owed: number;
                paid_out: number;
                pending: number;
                withdrawing: number;
              } & {
                balanceFen: number;
              };
              from: string;
              leader: {
                code: string;
                id: string;
                name: string;
              };
              lines: {
                amountFen: number;
                at: string;
                balanceAfterFen: number;
                category: string;
                causeId: string;
                causeType: string;
                effectFen: number;
                memo: string | null;
                transferId: number;
              }[];
              month: string;
              opening: {
                available: number;
                owed: number;
                paid_out: number;
                pending: number;
                withdrawing: number;
              } & {
                balanceFen: number;
              };
              rows: {
                amountFen: number;
                category: string;
                count: number;
                deltas: {
                  available: number;
                  owed: number;
                  paid_out: number;
                  pending: number;
                  withdrawing: number;
                };
                effectFen: number;
                label: {
                  en: string;
                  zh: string;
                };
              }[];
              summary: {
                accrualsFen: number;
                adjustmentsFen: number;
                clawbacksFen: number;
                closingFen: number;
                feesFen: number;
                openingFen: number;
                owedRepaidFen: number;
                paidFen: number;
                returnedFen: number;
                settlementsFen: number;
                taxFen: number;
                voidsFen: number;
                withdrawalsFen: number;
              };
              to: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ledger/me/statements/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My monthly statement as xlsx */
    get: {
      parameters: {
        query: {
          /** @description YYYY-MM (Asia/Shanghai) */
          month: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ledger/me/withdrawals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My withdrawal requests and their status, newest first (提现记录) */
    get: {
      parameters: {
        query: {
          page: number;
          pageSize: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                accountMasked: string;
                amountFen: number;
                bankName: string | null;
                batchId: string | null;
                completedAt: string | null;
                decidedAt: string | null;
                decidedBy: string | null;
                failReason: string | null;
                feeFen: number;
                id: string;
                leaderId: string;
                method: 'bank' | 'wechat';
                netFen: number;
                payeeName: string;
                rejectReason: string | null;
                requestedAt: string;
                status: 'requested' | 'approved' | 'batched' | 'paid' | 'failed' | 'rejected';
                taxFen: number;
              }[];
              total: number;
            };
          };
        };
      };
    };
    put?: never;
    /** Request a withdrawal (申请提现); needs an Idempotency-Key header, a replay answers the first request */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            amountFen: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              accountMasked: string;
              amountFen: number;
              bankName: string | null;
              batchId: string | null;
              completedAt: string | null;
              decidedAt: string | null;
              decidedBy: string | null;
              failReason: string | null;
              feeFen: number;
              id: string;
              leaderId: string;
              method: 'bank' | 'wechat';
              netFen: number;
              payeeName: string;
              rejectReason: string | null;
              requestedAt: string;
              status: 'requested' | 'approved' | 'batched' | 'paid' | 'failed' | 'rejected';
              taxFen: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ledger/me/withdrawals/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of my withdrawals with its transfers */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              accountMasked: string;
              amountFen: number;
              bankName: string | null;
              batchId: string | null;
              completedAt: string | null;
              decidedAt: string | null;
              decidedBy: string | null;
              failReason: string | null;
              feeFen: number;
              id: string;
              leaderAvailableFen: number;
              leaderCode: string;
              leaderId: string;
              leaderName: string;
              leaderNetFen: number;
              leaderOwedFen: number;
              method: 'bank' | 'wechat';
              netFen: number;
              payeeName: string;
              rejectReason: string | null;
              requestedAt: string;
              status: 'requested' | 'approved' | 'batched' | 'paid' | 'failed' | 'rejected';
              taxFen: number;
              transfers: {
                amountFen: number;
                at: string;
                causeId: string;
                causeType: string;
                credit: {
                  kind: string;
                  leaderId: string | null;
                  leaderName: string | null;
                  owner: string;
                };
                debit: {
                  kind: string;
                  leaderId: string | null;
                  leaderName: string | null;
                  owner: string;
                };
                id: number;
                key: string;
                memo: string | null;
                postingId: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ledger/overview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Company account balances and leader balances summed per kind (账户总览) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              company: {
                balanceFen: number;
                kind: string;
                storedFen: number;
              }[];
              leaders: {
                accounts: number;
                balanceFen: number;
                kind: string;
                storedFen: number;
              }[];
              sumStoredFen: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ledger/payout-batches': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Payout batches, newest first (打款批次) */
    get: {
      parameters: {
        query: {
          page: number;
          pageSize: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                closedAt: string | null;
                createdAt: string;
                createdBy: string | null;
                failedCount: number;
                id: string;
                lineCount: number;
                method: 'bank' | 'wechat';
                note: string | null;
                paidCount: number;
                status: 'open' | 'closed';
                totalFen: number;
              }[];
              total: number;
            };
          };
        };
      };
    };
    put?: never;
    /** Gather approved withdrawals of one payout method into a batch (生成打款批次) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            method: 'bank' | 'wechat';
            note?: string;
            withdrawalIds?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              closedAt: string | null;
              createdAt: string;
              createdBy: string | null;
              failedCount: number;
              id: string;
              lineCount: number;
              lines: {
                accountMasked: string;
                amountFen: number;
                bankName: string | null;
                failReason: string | null;
                id: string;
                leaderCode: string;
                leaderId: string;
                leaderName: string;
                markedAt: string | null;
                markedBy: string | null;
                payeeName: string;
                reference: string | null;
                seq: number;
                status: 'pending' | 'paid' | 'failed';
                withdrawalId: string;
              }[];
              method: 'bank' | 'wechat';
              note: string | null;
              paidCount: number;
              status: 'open' | 'closed';
              totalFen: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ledger/payout-batches/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One payout batch with its lines (accounts masked) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              closedAt: string | null;
              createdAt: string;
              createdBy: string | null;
              failedCount: number;
              id: string;
              lineCount: number;
              lines: {
                accountMasked: string;
                amountFen: number;
                bankName: string | null;
                failReason: string | null;
                id: string;
                leaderCode: string;
                leaderId: string;
                leaderName: string;
                markedAt: string | null;
                markedBy: string | null;
                payeeName: string;
                reference: string | null;
                seq: number;
                status: 'pending' | 'paid' | 'failed';
                withdrawalId: string;
              }[];
              method: 'bank' | 'wechat';
              note: string | null;
              paidCount: number;
              status: 'open' | 'closed';
              totalFen: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ledger/payout-batches/{id}/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The batch as a bank or WeChat batch-transfer xlsx, with full account numbers (导出打款文件) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ledger/payout-lines/{id}/failed': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark a payout line failed with the reason (打款失败); the money returns to available */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              amountFen: number;
              batchId: string;
              id: string;
              status: string;
              withdrawalId: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ledger/payout-lines/{id}/paid': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark a payout line paid (已打款); a line already marked is refused with 409 */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reference?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              amountFen: number;
              batchId: string;
              id: string;
              status: string;
              withdrawalId: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ledger/statements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A leader’s monthly statement (对账单) */
    get: {
      parameters: {
        query: {
          leaderId: string;
          /** @description YYYY-MM (Asia/Shanghai) */
          month: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              closing: {
                available: number;
                owed: number;
                paid_out: number;
                pending: number;
                withdrawing: number;
              } & {
                balanceFen: number;
              };
              from: string;
              leader: {
                code: string;
                id: string;
                name: string;
              };
              lines: {
                amountFen: number;
                at: string;
                balanceAfterFen: number;
                category: string;
                causeId: string;
                causeType: string;
                effectFen: number;
                memo: string | null;
                transferId: number;
              }[];
              month: string;
              opening: {
                available: number;
                owed: number;
                paid_out: number;
                pending: number;
                withdrawing: number;
              } & {
                balanceFen: number;
              };
              rows: {
                amountFen: number;
                category: string;
                count: number;
                deltas: {
                  available: number;
                  owed: number;
                  paid_out: number;
                  pending: number;
                  withdrawing: number;
                };
                effectFen: number;
                label: {
                  en: string;
                  zh: string;
                };
              }[];
              summary: {
                accrualsFen: number;
                adjustmentsFen: number;
                clawbacksFen: number;
                closingFen: number;
                feesFen: number;
                openingFen: number;
                owedRepaidFen: number;
                paidFen: number;
                returnedFen: number;
                settlementsFen: number;
                taxFen: number;
                voidsFen: number;
                withdrawalsFen: number;
              };
              to: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ledger/statements/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A leader’s monthly statement as xlsx (导出对账单) */
    get: {
      parameters: {
        query: {
          leaderId: string;
          /** @description YYYY-MM (Asia/Shanghai) */
          month: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ledger/transfers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Transfers, newest first, by leader, account kind, cause or time (转账流水) */
    get: {
      parameters: {
        query: {
          causeId?: string;
          causeType?: string;
          from?: string;
          key?: string;
          kind?:
            | ('pending' | 'available' | 'withdrawing' | 'paid_out' | 'owed')
            | ('commission_expense' | 'payouts_payable' | 'tax_withheld' | 'fees' | 'bank');
          leaderId?: string;
          page: number;
          pageSize: number;
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                amountFen: number;
                at: string;
                causeId: string;
                causeType: string;
                credit: {
                  kind: string;
                  leaderId: string | null;
                  leaderName: string | null;
                  owner: string;
                };
                debit: {
                  kind: string;
                  leaderId: string | null;
                  leaderName: string | null;
                  owner: string;
                };
                id: number;
                key: string;
                memo: string | null;
                postingId: number;
              }[];
              total: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ledger/withdrawal-settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Withdrawal rules: minimum, fee, daily count, tax withholding (提现设置) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              dailyCountLimit: number;
              feeBps: number;
              feeFixedFen: number;
              minAmountFen: number;
              taxBps: number;
              updatedAt: string | null;
              updatedBy: string | null;
              withdrawWhileOwed: boolean;
            };
          };
        };
      };
    };
    /** Change the withdrawal rules (audited) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            dailyCountLimit: number;
            feeBps: number;
            feeFixedFen: number;
            minAmountFen: number;
            taxBps: number;
            withdrawWhileOwed?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              dailyCountLimit: number;
              feeBps: number;
              feeFixedFen: number;
              minAmountFen: number;
              taxBps: number;
              updatedAt: string | null;
              updatedBy: string | null;
              withdrawWhileOwed: boolean;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ledger/withdrawals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Withdrawal requests by status or leader; the review queue is status=requested (提现申请) */
    get: {
      parameters: {
        query: {
          leaderId?: string;
          page: number;
          pageSize: number;
          status?: 'requested' | 'approved' | 'batched' | 'paid' | 'failed' | 'rejected';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                accountMasked: string;
                amountFen: number;
                bankName: string | null;
                batchId: string | null;
                completedAt: string | null;
                decidedAt: string | null;
                decidedBy: string | null;
                failReason: string | null;
                feeFen: number;
                id: string;
                leaderAvailableFen: number;
                leaderCode: string;
                leaderId: string;
                leaderName: string;
                leaderNetFen: number;
                leaderOwedFen: number;
                method: 'bank' | 'wechat';
                netFen: number;
                payeeName: string;
                rejectReason: string | null;
                requestedAt: string;
                status: 'requested' | 'approved' | 'batched' | 'paid' | 'failed' | 'rejected';
                taxFen: number;
              }[];
              total: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ledger/withdrawals/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One withdrawal with the transfers it caused */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              accountMasked: string;
              amountFen: number;
              bankName: string | null;
              batchId: string | null;
              completedAt: string | null;
              decidedAt: string | null;
              decidedBy: string | null;
              failReason: string | null;
              feeFen: number;
              id: string;
              leaderAvailableFen: number;
              leaderCode: string;
              leaderId: string;
              leaderName: string;
              leaderNetFen: number;
              leaderOwedFen: number;
              method: 'bank' | 'wechat';
              netFen: number;
              payeeName: string;
              rejectReason: string | null;
              requestedAt: string;
              status: 'requested' | 'approved' | 'batched' | 'paid' | 'failed' | 'rejected';
              taxFen: number;
              transfers: {
                amountFen: number;
                at: string;
                causeId: string;
                causeType: string;
                credit: {
                  kind: string;
                  leaderId: string | null;
                  leaderName: string | null;
                  owner: string;
                };
                debit: {
                  kind: string;
                  leaderId: string | null;
                  leaderName: string | null;
                  owner: string;
                };
                id: number;
                key: string;
                memo: string | null;
                postingId: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ledger/withdrawals/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve a requested withdrawal (审核通过); a second approval is refused with 409 */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              accountMasked: string;
              amountFen: number;
              bankName: string | null;
              batchId: string | null;
              completedAt: string | null;
              decidedAt: string | null;
              decidedBy: string | null;
              failReason: string | null;
              feeFen: number;
              id: string;
              leaderId: string;
              method: 'bank' | 'wechat';
              netFen: number;
              payeeName: string;
              rejectReason: string | null;
              requestedAt: string;
              status: 'requested' | 'approved' | 'batched' | 'paid' | 'failed' | 'rejected';
              taxFen: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ledger/withdrawals/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reject a withdrawal with a reason (驳回); the amount, fee and tax return to available */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              accountMasked: string;
              amountFen: number;
              bankName: string | null;
              batchId: string | null;
              completedAt: string | null;
              decidedAt: string | null;
              decidedBy: string | null;
              failReason: string | null;
              feeFen: number;
              id: string;
              leaderId: string;
              method: 'bank' | 'wechat';
              netFen: number;
              payeeName: string;
              rejectReason: string | null;
              requestedAt: string;
              status: 'requested' | 'approved' | 'batched' | 'paid' | 'failed' | 'rejected';
              taxFen: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Orders, newest first, by campaign, leader, status, date or phone (订单列表) */
    get: {
      parameters: {
        query: {
          campaignId?: string;
          from?: string;
          leaderId?: string;
          page: number;
          pageSize: number;
          phone?: string;
          status?:
            | 'on_hold'
            | 'pending_payment'
            | 'paid'
            | 'confirmed'
            | 'shipped'
            | 'delivered'
            | 'picked_up'
            | 'completed'
            | 'cancelled'
            | 'refunded';
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                campaignId: string;
                campaignName: string;
                customerName: string | null;
                id: string;
                itemCount: number;
                leaderCode: string;
                leaderId: string;
                leaderName: string;
                paymentDueAt: string;
                phoneMasked: string;
                pickupPointId: string;
                pickupPointName: string;
                placedAt: string;
                status:
                  | 'on_hold'
                  | 'pending_payment'
                  | 'paid'
                  | 'confirmed'
                  | 'shipped'
                  | 'delivered'
                  | 'picked_up'
                  | 'completed'
                  | 'cancelled'
                  | 'refunded';
                totalFen: number;
              }[];
              total: number;
            };
          };
        };
      };
    };
    put?: never;
    /** Place an order through a leader’s link (下单); needs an Idempotency-Key header */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            campaignId: string;
            customer: {
              name?: string;
              phone: string;
            };
            items: {
              itemId: string;
              quantity: number;
            }[];
            leaderCode: string;
            pickupPointId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              order: {
                campaignId: string;
                id: string;
                itemCount: number;
                lines: {
                  amountFen: number;
                  itemId: string;
                  quantity: number;
                  skuId: string;
                  unitPriceFen: number;
                }[];
                paymentDueAt: string;
                pickupCode: string;
                pickupPointId: string;
                placedAt: string;
                status: string;
                totalFen: number;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One order with lines, payments and timeline (订单详情) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              campaignId: string;
              campaignName: string;
              customerName: string | null;
              id: string;
              itemCount: number;
              leaderCode: string;
              leaderId: string;
              leaderName: string;
              paymentDueAt: string;
              phoneMasked: string;
              pickupPointId: string;
              pickupPointName: string;
              placedAt: string;
              status:
                | 'on_hold'
                | 'pending_payment'
                | 'paid'
                | 'confirmed'
                | 'shipped'
                | 'delivered'
                | 'picked_up'
                | 'completed'
                | 'cancelled'
                | 'refunded';
              totalFen: number;
            } & {
              lines: {
                amountFen: number;
                campaignItemId: string;
                id: string;
                productName: string;
                quantity: number;
                refundedQuantity: number;
                skuCode: string;
                skuId: string;
                spec: string;
                unitPriceFen: number;
                warehouseId: string;
              }[];
              payments: {
                amountFen: number;
                id: string;
                paidAt: string;
                provider: string;
                reference: string;
              }[];
              pickupCode: string;
              refunds: {
                actorName: string | null;
                amountFen: number;
                createdAt: string;
                fullyRefunded: boolean;
                id: string;
                kind: 'refund' | 'cancel';
                lines: {
                  amountFen: number;
                  orderLineId: string;
                  quantity: number;
                  skuId: string;
                }[];
                orderId: string;
                provider: string;
                reason: string;
                reference: string;
              }[];
              timeline: {
                actorName: string | null;
                at: string;
                fromStatus: string | null;
                note: string | null;
                toStatus: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel an order as an operator, with a reason; unshipped goods return to stock (取消订单) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/{id}/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close a picked-up order (完成) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/{id}/customer-cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The customer cancels before paying (用户取消) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            phone: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/{id}/mark-paid': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record an offline payment (cash at pickup, transfer) with its reference (线下收款) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reference: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/{id}/refunds': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Refund a paid order, whole or per line with quantities; the server prices it; needs an Idempotency-Key header (退款) */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            lines?: {
              orderLineId: string;
              quantity: number;
            }[];
            /** @description Why the money goes back (退款原因); required */
            reason: string;
            /** @description Offline refunds: the transfer’s serial number; sandbox refunds make their own */
            reference?: string;
            /** @description true: every unit not yet refunded (整单退款) */
            whole?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              refund: {
                actorName: string | null;
                amountFen: number;
                createdAt: string;
                fullyRefunded: boolean;
                id: string;
                kind: 'refund' | 'cancel';
                lines: {
                  amountFen: number;
                  orderLineId: string;
                  quantity: number;
                  skuId: string;
                }[];
                orderId: string;
                provider: string;
                reason: string;
                reference: string;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/bags': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A pickup point’s paid orders not yet handed over for a delivery day, merged per customer into bags (合单) */
    get: {
      parameters: {
        query: {
          deliveryDate: string;
          pickupPointId: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                customerId: string;
                customerName: string | null;
                deliveryDate: string;
                items: {
                  label: string;
                  quantity: number;
                  skuId: string;
                }[];
                orderIds: string[];
                phoneMasked: string;
                pickupCodes: string[];
                pickupPointId: string;
                units: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/deliver': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The shipped orders of a campaign arrived at a pickup point (到货签收) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            campaignId: string;
            pickupPointId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              delivered: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The filtered order list as xlsx, every matching order, streamed (导出订单) */
    get: {
      parameters: {
        query?: {
          campaignId?: string;
          from?: string;
          leaderId?: string;
          phone?: string;
          status?:
            | 'on_hold'
            | 'pending_payment'
            | 'paid'
            | 'confirmed'
            | 'shipped'
            | 'delivered'
            | 'picked_up'
            | 'completed'
            | 'cancelled'
            | 'refunded';
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/ship': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ship every confirmed order of a campaign; stock leaves the warehouse (发货) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            campaignId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              shipped: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/stats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Today’s order counters (今日订单统计), for one campaign or all
     * @description Orders placed today (Asia/Shanghai day), by their current status. gmvFen sums the totals of orders not cancelled.
     */
    get: {
      parameters: {
        query?: {
          campaignId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cancelled: number;
              confirmed: number;
              /** Format: date */
              day: string;
              gmvFen: number;
              orders: number;
              paid: number;
              pendingPayment: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/verify-pickup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Verify a pickup code at a pickup point; a leader only at their own (核销提货码) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            pickupCode: string;
            pickupPointId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              orderIds: string[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/pickup-points': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List pickup points with their leader (自提点列表) */
    get: {
      parameters: {
        query: {
          leaderId?: string;
          page: number;
          pageSize: number;
          q?: string;
          status?: 'active' | 'closed';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                address: string;
                capacity: number | null;
                createdAt: string;
                id: string;
                latitude: number | null;
                leaderCode: string;
                leaderId: string;
                leaderName: string;
                longitude: number | null;
                name: string;
                openingHours: string;
                regionId: string;
                regionName: string | null;
                status: 'active' | 'closed';
                updatedAt: string;
              }[];
              total: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/pickup-points/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Edit a pickup point (编辑自提点) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            address?: string;
            capacity?: number | null;
            latitude?: number | null;
            longitude?: number | null;
            name?: string;
            openingHours?: string;
            regionId?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              address: string;
              capacity: number | null;
              createdAt: string;
              id: string;
              latitude: number | null;
              leaderId: string;
              longitude: number | null;
              name: string;
              openingHours: string;
              regionId: string;
              regionName: string | null;
              status: 'active' | 'closed';
              updatedAt: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/pickup-points/{id}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close a pickup point: no new orders may choose it (关闭自提点) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              address: string;
              capacity: number | null;
              createdAt: string;
              id: string;
              latitude: number | null;
              leaderId: string;
              longitude: number | null;
              name: string;
              openingHours: string;
              regionId: string;
              regionName: string | null;
              status: 'active' | 'closed';
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/pickup-points/{id}/reopen': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Open a closed pickup point again (重新开放自提点) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              address: string;
              capacity: number | null;
              createdAt: string;
              id: string;
              latitude: number | null;
              leaderId: string;
              longitude: number | null;
              name: string;
              openingHours: string;
              regionId: string;
              regionName: string | null;
              status: 'active' | 'closed';
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/portal/campaigns': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Live and upcoming campaigns I may sell, each with my share link (开团) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                code: string;
                coverUrl: string;
                cutoffAt: string;
                deliveryDate: string;
                description: string;
                id: string;
                items: {
                  image: string | null;
                  itemId: string;
                  listPriceFen: number;
                  perCustomerLimit: number;
                  priceFen: number;
                  productName: string;
                  remaining: number;
                  spec: string;
                  unit: string;
                }[];
                myOrders: number;
                myTotalFen: number;
                name: string;
                openForOrders: boolean;
                /** @description the customer page with this leader’s code */
                sharePath: string;
                startsAt: string;
                status: 'live' | 'upcoming';
              }[];
              serverNow: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/portal/customers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Customers who ordered through me, phones masked (我的客户) */
    get: {
      parameters: {
        query: {
          page: number;
          pageSize: number;
          /** @description name contains, or a full phone */
          q?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                customerId: string;
                firstOrderAt: string;
                lastOrderAt: string;
                name: string | null;
                orderCount: number;
                phoneMasked: string;
                totalFen: number;
              }[];
              total: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/portal/earnings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My earnings: estimated, pending, available, paid out; this month by rule (我的收益) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              availableFen: number;
              estimatedFen: number;
              leader: {
                code: string;
                id: string;
                name: string;
              };
              month: string;
              monthByRule: {
                amountFen: number;
                entries: number;
                netFen: number;
                rule: string;
                ruleLabel: {
                  en: string;
                  zh: string;
                };
              }[];
              monthFen: number;
              owedFen: number;
              paidOutFen: number;
              pendingFen: number;
              withdrawableFen: number;
              withdrawingFen: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/portal/earnings/entries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My commission entries, newest first, each with its explanation (收益明细) */
    get: {
      parameters: {
        query: {
          /** @description YYYY-MM (Asia/Shanghai) */
          month?: string;
          page: number;
          pageSize: number;
          status?: 'estimated' | 'final' | 'settled' | 'voided';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                amountFen: number;
                baseFen: number;
                beneficiaryCode: string | null;
                beneficiaryId: string;
                beneficiaryName: string | null;
                campaignId: string | null;
                causeType: string;
                chainPosition: number | null;
                clawedBackFen: number;
                createdAt: string;
                explanation: unknown;
                finalAt: string | null;
                id: string;
                key: string;
                netFen: number;
                orderId: string | null;
                orderLineId: string | null;
                orderRef: string | null;
                paidAt: string | null;
                periodKey: string | null;
                perUnitFen: number | null;
                planId: string;
                planVersion: number;
                productName: string | null;
                quantity: number | null;
                rateBps: number | null;
                rule: string;
                ruleLabel: {
                  en: string;
                  zh: string;
                };
                settledAt: string | null;
                settlementId: string | null;
                skuId: string | null;
                status: string;
                text: {
                  en: string;
                  zh: string;
                };
                voidedFen: number;
              }[];
              total: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/portal/earnings/entries/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of my entries with its explanation (佣金说明) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              amountFen: number;
              baseFen: number;
              beneficiaryCode: string | null;
              beneficiaryId: string;
              beneficiaryName: string | null;
              campaignId: string | null;
              causeType: string;
              chainPosition: number | null;
              clawedBackFen: number;
              createdAt: string;
              explanation: unknown;
              finalAt: string | null;
              id: string;
              key: string;
              netFen: number;
              orderId: string | null;
              orderLineId: string | null;
              orderRef: string | null;
              paidAt: string | null;
              periodKey: string | null;
              perUnitFen: number | null;
              planId: string;
              planVersion: number;
              productName: string | null;
              quantity: number | null;
              rateBps: number | null;
              rule: string;
              ruleLabel: {
                en: string;
                zh: string;
              };
              settledAt: string | null;
              settlementId: string | null;
              skuId: string | null;
              status: string;
              text: {
                en: string;
                zh: string;
              };
              voidedFen: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/portal/earnings/withdrawal-preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What a withdrawal of this amount would cost and pay, before confirming (提现试算) */
    get: {
      parameters: {
        query: {
          amountFen: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              amountFen: number;
              feeFen: number;
              minAmountFen: number;
              netFen: number;
              problem: {
                code: string;
                en: string;
                zh: string;
              } | null;
              taxFen: number;
              withdrawableFen: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/portal/level': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My level, the next level’s requirements and my progress this period (我的等级) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              current: {
                code: string;
                id: string;
                nameEn: string;
                nameZh: string;
                rank: number;
              } | null;
              heldUntil: string | null;
              keep: {
                dropRule: {
                  holds: boolean;
                  lines: {
                    actual?: number;
                    actualText?: string;
                    depth: number;
                    held: boolean;
                    /** @description all / any (a group) or condition */
                    kind: string;
                    metric?: string;
                    target?: number;
                    text: {
                      en: string;
                      zh: string;
                    };
                  }[];
                  text: {
                    en: string;
                    zh: string;
                  };
                };
                missing: {
                  direction: 'atLeast' | 'atMost';
                  have: number;
                  haveText: string;
                  label: {
                    en: string;
                    zh: string;
                  };
                  metric: string;
                  need: number;
                  needText: string;
                  short: number;
                  shortText: string;
                }[];
                onTrack: boolean;
              } | null;
              leaderId: string;
              next: {
                code: string;
                id: string;
                nameEn: string;
                nameZh: string;
                rank: number;
              } | null;
              period: {
                end: string;
                label: {
                  en: string;
                  zh: string;
                };
                start: string;
              };
              upgrade: {
                lines: {
                  actual?: number;
                  actualText?: string;
                  depth: number;
                  held: boolean;
                  /** @description all / any (a group) or condition */
                  kind: string;
                  metric?: string;
                  target?: number;
                  text: {
                    en: string;
                    zh: string;
                  };
                }[];
                met: boolean;
                text: {
                  en: string;
                  zh: string;
                };
              } | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/portal/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My leader profile, pickup points, share code and invite link (我的) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description the newest agreement version when the leader has not signed it: it takes effect at effectiveAt, and after signBy only its signature lets the leader sell (新版协议提醒) */
              agreementNotice: {
                effectiveAt: string;
                signBy: string;
                version: number;
              } | null;
              agreementPath: string;
              /** @description false: the agreement does not let the leader sell now (sign the current version before customers can order) */
              agreementSigned: boolean;
              /** @description the share code (团长码) every share link carries */
              code: string;
              createdAt: string;
              id: string;
              /** @description the leader application page with this leader as referrer */
              invitePath: string;
              name: string;
              /** @description the initial password from the approval is still in use; other portal routes answer 403 until changed */
              passwordChangeRequired: boolean;
              phoneMasked: string;
              pickupPoints: {
                address: string;
                id: string;
                latitude: number | null;
                longitude: number | null;
                name: string;
                openingHours: string;
                status: string;
              }[];
              regionId: string;
              regionName: string;
              status: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/portal/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My orders of a day (today by default) by campaign and by customer (今日订单) */
    get: {
      parameters: {
        query?: {
          /** @description YYYY-MM-DD, business time zone */
          date?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              byCampaign: {
                campaignId: string;
                campaignName: string;
                customers: number;
                itemCount: number;
                orders: number;
                products: {
                  amountFen: number;
                  productName: string;
                  quantity: number;
                  skuId: string;
                  spec: string;
                }[];
                totalFen: number;
                unpaid: number;
                voided: number;
              }[];
              byCustomer: {
                customerId: string;
                customerName: string | null;
                itemCount: number;
                items: {
                  campaignId: string;
                  campaignName: string;
                  id: string;
                  itemCount: number;
                  pickupPointName: string;
                  placedAt: string;
                  status: string;
                  totalFen: number;
                }[];
                lastOrderAt: string;
                orders: number;
                phoneMasked: string;
                totalFen: number;
                unpaid: number;
                voided: number;
              }[];
              date: string;
              timeZone: string;
              totals: {
                customers: number;
                itemCount: number;
                orders: number;
                totalFen: number;
                unpaid: number;
                voided: number;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/portal/pickups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The orders with this pickup code at my pickup points, before verifying (核销预览) */
    get: {
      parameters: {
        query: {
          /** @description six digits (提货码) */
          code: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                campaignName: string;
                canVerify: boolean;
                customerName: string | null;
                id: string;
                itemCount: number;
                lines: {
                  productName: string;
                  quantity: number;
                  spec: string;
                }[];
                phoneMasked: string;
                pickupPointId: string;
                pickupPointName: string;
                placedAt: string;
                status: string;
                totalFen: number;
              }[];
              pickupCode: string;
              waiting: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/portal/team': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My team: size, sales, and my direct recruits with theirs (我的团队) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description my team’s completed GMV net of refunds, all time (me excluded) */
              gmvFen: number;
              /** @description YYYY-MM, the month of monthGmvFen */
              month: string;
              monthGmvFen: number;
              orders: number;
              recruitCount: number;
              recruits: {
                code: string;
                leaderId: string;
                name: string;
                ownGmvFen: number;
                ownMonthGmvFen: number;
                since: string;
                status: string;
                teamGmvFen: number;
                teamSize: number;
              }[];
              /** @description leaders below me, every generation */
              size: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/portal/verify-pickup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Verify a pickup code at one of my pickup points (核销提货码) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description six digits (提货码) */
            pickupCode: string;
            /** @description needed only when the code waits at more than one of your pickup points */
            pickupPointId?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              orderIds: string[];
              pickupPointId: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/region-manager-candidates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Active logins with the region_manager role, for assigning (可选区域经理账号) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                displayName: string;
                id: string;
                username: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/regions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Regions (区域) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                code: string;
                createdAt: string;
                id: string;
                level: string;
                name: string;
                parentId: string | null;
                sortOrder: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Create a region (新建区域) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code: string;
            level: 'province' | 'city' | 'district' | 'area';
            name: string;
            parentId?: string | null;
            sortOrder?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              createdAt: string;
              id: string;
              level: 'province' | 'city' | 'district' | 'area';
              name: string;
              parentId: string | null;
              sortOrder: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/regions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Edit a region; a new parentId moves it with everything below it (编辑 / 移动区域) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code?: string;
            level?: 'province' | 'city' | 'district' | 'area';
            name?: string;
            parentId?: string | null;
            sortOrder?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              createdAt: string;
              id: string;
              level: 'province' | 'city' | 'district' | 'area';
              name: string;
              parentId: string | null;
              sortOrder: number;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/regions/{id}/managers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The managers of a region with their weights and dividend shares (区域经理) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                createdAt: string;
                displayName: string;
                leaderCode: string | null;
                leaderId: string | null;
                leaderName: string | null;
                regionId: string;
                shareBps: number;
                userId: string;
                username: string;
                weight: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Make a region_manager login a manager of this region, with a weight (指派区域经理) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            leaderId?: string | null;
            userId: string;
            weight?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                createdAt: string;
                displayName: string;
                leaderCode: string | null;
                leaderId: string | null;
                leaderName: string | null;
                regionId: string;
                shareBps: number;
                userId: string;
                username: string;
                weight: number;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/regions/{id}/managers/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a region manager’s weight or linked leader (调整区域经理) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          userId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            leaderId?: string | null;
            weight?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                createdAt: string;
                displayName: string;
                leaderCode: string | null;
                leaderId: string | null;
                leaderName: string | null;
                regionId: string;
                shareBps: number;
                userId: string;
                username: string;
                weight: number;
              }[];
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/regions/{id}/managers/{userId}/remove': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Remove a manager from a region (移除区域经理) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          userId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                createdAt: string;
                displayName: string;
                leaderCode: string | null;
                leaderId: string | null;
                leaderName: string | null;
                regionId: string;
                shareBps: number;
                userId: string;
                username: string;
                weight: number;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/regions/overview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Regions with leader and pickup point counts and managers, for the region tree (区域树) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                code: string;
                createdAt: string;
                id: string;
                leaderCount: number;
                level: 'province' | 'city' | 'district' | 'area';
                managers: {
                  displayName: string;
                  userId: string;
                  username: string;
                  weight: number;
                }[];
                name: string;
                parentId: string | null;
                pickupPointCount: number;
                sortOrder: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/risk/blocklist': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Blocked phone numbers (masked) and addresses, newest first (黑名单) */
    get: {
      parameters: {
        query: {
          kind?: 'phone' | 'address';
          page: number;
          pageSize: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                createdAt: string;
                createdBy: string | null;
                /** @description the masked phone, or the address as entered */
                display: string;
                id: string;
                kind: 'phone' | 'address';
                reason: string;
              }[];
              total: number;
            };
          };
        };
      };
    };
    put?: never;
    /** Block a phone number or an address; their orders are held for review (加入黑名单) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            kind: 'phone' | 'address';
            reason: string;
            /** @description a mainland mobile number, or an address fragment matched inside pickup addresses */
            value: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              createdAt: string;
              createdBy: string | null;
              /** @description the masked phone, or the address as entered */
              display: string;
              id: string;
              kind: 'phone' | 'address';
              reason: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/risk/blocklist/{id}/remove': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Take an entry off the blocklist, with a reason (移出黑名单) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/risk/holds': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Orders on hold and their reasons, newest first (风控审核队列) */
    get: {
      parameters: {
        query: {
          campaignId?: string;
          page: number;
          pageSize: number;
          status?: 'open' | 'approved' | 'rejected';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                campaignId: string;
                campaignName: string;
                createdAt: string;
                decidedAt: string | null;
                decidedBy: string | null;
                decisionReason: string | null;
                order: {
                  customerName: string | null;
                  itemCount: number;
                  leaderCode: string;
                  leaderName: string;
                  paymentDueAt: string;
                  phoneMasked: string;
                  pickupAddress: string;
                  pickupPointName: string;
                  placedAt: string;
                  status: string;
                  totalFen: number;
                };
                orderId: string;
                reasons: {
                  code: 'quantity_over_limit' | 'too_many_orders' | 'blocked_phone' | 'blocked_address';
                  detail: string;
                }[];
                status: 'open' | 'approved' | 'rejected';
              }[];
              total: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/risk/holds/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve an order on hold: it goes on to payment with a fresh deadline (审核通过) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              decidedAt: string;
              orderId: string;
              orderStatus: string;
              paymentDueAt: string | null;
              status: 'approved' | 'rejected';
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/risk/holds/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reject an order on hold, with a reason: it is cancelled and its stock returns (审核拒绝) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              decidedAt: string;
              orderId: string;
              orderStatus: string;
              paymentDueAt: string | null;
              status: 'approved' | 'rejected';
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/risk/policy': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The risk policy (风控规则): limits that put an order on hold */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              enabled: boolean;
              maxOrdersPerPhonePerCampaign: number | null;
              maxQuantityPerOrder: number | null;
              updatedAt: string | null;
              updatedBy: string | null;
              version: number;
            };
          };
        };
      };
    };
    /** Set the risk policy; every server process uses it within about a second (修改风控规则) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description the master switch: off holds no order */
            enabled: boolean;
            /** @description null: no limit */
            maxOrdersPerPhonePerCampaign: number | null;
            /** @description null: no limit */
            maxQuantityPerOrder: number | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              enabled: boolean;
              maxOrdersPerPhonePerCampaign: number | null;
              maxQuantityPerOrder: number | null;
              updatedAt: string | null;
              updatedBy: string | null;
              version: number;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/roles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Roles and what each may do (角色与权限) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                en: string;
                permissions: string[];
                role: string;
                zh: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stock-levels': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Stock levels per SKU and warehouse (库存) */
    get: {
      parameters: {
        query: {
          /** @description only levels below their threshold */
          lowStock?: boolean;
          page: number;
          pageSize: number;
          /** @description repeat for several SKUs */
          skuId?: string[];
          warehouseId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                allocated: number;
                available: number;
                lowStock: boolean;
                lowStockThreshold: number;
                onHand: number;
                productName: string | null;
                skuCode: string | null;
                skuId: string;
                spec: string | null;
                unit: string | null;
                updatedAt: string;
                warehouseCode: string;
                warehouseId: string;
                warehouseName: string;
              }[];
              total: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stock-levels/{skuId}/{warehouseId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Set the low-stock threshold of a SKU in a warehouse (库存预警阈值) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          skuId: string;
          warehouseId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            lowStockThreshold: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              allocated: number;
              available: number;
              lowStockThreshold: number;
              onHand: number;
              skuId: string;
              warehouseId: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/stock-movements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Stock movements, newest first (库存流水) */
    get: {
      parameters: {
        query: {
          from?: string;
          kind?: 'receipt' | 'adjustment' | 'allocation' | 'release' | 'shipment';
          page: number;
          pageSize: number;
          referenceId?: string;
          skuId?: string;
          to?: string;
          warehouseId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                actorId: string | null;
                actorName: string | null;
                allocatedAfter: number;
                availableAfter: number;
                createdAt: string;
                id: string;
                kind: 'receipt' | 'adjustment' | 'allocation' | 'release' | 'shipment';
                onHandAfter: number;
                productName: string | null;
                quantity: number;
                reason: string | null;
                referenceId: string | null;
                referenceType: string | null;
                skuCode: string | null;
                skuId: string;
                spec: string | null;
                unit: string | null;
                warehouseCode: string;
                warehouseId: string;
                warehouseName: string;
              }[];
              total: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stock/adjust': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Adjust on hand after a stock count, with a reason (盘点调整) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description signed change of on hand, not 0 */
            quantity: number;
            reason: string;
            skuId: string;
            warehouseId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              level: {
                allocated: number;
                available: number;
                lowStockThreshold: number;
                onHand: number;
                skuId: string;
                warehouseId: string;
              };
              movementId: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stock/receive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Receive stock into a warehouse (到货入库) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            quantity: number;
            reason?: string;
            referenceId?: string;
            referenceType?: string;
            skuId: string;
            warehouseId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              level: {
                allocated: number;
                available: number;
                lowStockThreshold: number;
                onHand: number;
                skuId: string;
                warehouseId: string;
              };
              movementId: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/storefront/campaigns/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What a leader’s share link shows: campaign, leader, pickup points, items with stock (团员下单页) */
    get: {
      parameters: {
        query: {
          leader: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              campaign: {
                coverUrl: string;
                cutoffAt: string;
                deliveryDate: string;
                description: string;
                id: string;
                name: string;
                openForOrders: boolean;
                serverNow: string;
                startsAt: string;
                state: string;
              };
              items: {
                image: string | null;
                itemId: string;
                listPriceFen: number;
                perCustomerLimit: number;
                priceFen: number;
                productName: string;
                remaining: number;
                spec: string;
                unit: string;
              }[];
              leader: {
                code: string;
                name: string;
              };
              pickupPoints: {
                address: string;
                id: string;
                name: string;
                openingHours: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/storefront/my-orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A customer’s own orders, by phone plus the pickup code of one of them (我的订单) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            phone: string;
            pickupCode: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                campaignId: string;
                campaignName: string;
                id: string;
                itemCount: number;
                lines: {
                  amountFen: number;
                  productName: string;
                  quantity: number;
                  spec: string;
                  unitPriceFen: number;
                }[];
                paymentDueAt: string;
                pickupCode: string;
                pickupPointAddress: string;
                pickupPointName: string;
                placedAt: string;
                status: string;
                totalFen: number;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/storefront/payment-options': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How a customer can pay on the storefront (支付方式) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description the sandbox payment (沙箱支付, no money moves) is turned on */
              sandbox: boolean;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List users (用户列表) */
    get: {
      parameters: {
        query: {
          page: number;
          pageSize: number;
          q?: string;
          role?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                createdAt: string;
                displayName: string;
                id: string;
                lastLoginAt: string | null;
                permissions: string[];
                roles: string[];
                status: 'active' | 'disabled';
                username: string;
              }[];
              total: number;
            };
          };
        };
      };
    };
    put?: never;
    /** Create a user with roles (新建用户) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            displayName: string;
            password: string;
            roles: string[];
            /** @description 3-32 letters, digits, _ . - */
            username: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              createdAt: string;
              displayName: string;
              id: string;
              lastLoginAt: string | null;
              permissions: string[];
              roles: string[];
              status: 'active' | 'disabled';
              username: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One user */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              createdAt: string;
              displayName: string;
              id: string;
              lastLoginAt: string | null;
              permissions: string[];
              roles: string[];
              status: 'active' | 'disabled';
              username: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change display name, roles or status (修改用户 / 停用) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            displayName?: string;
            roles?: string[];
            status?: 'active' | 'disabled';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              createdAt: string;
              displayName: string;
              id: string;
              lastLoginAt: string | null;
              permissions: string[];
              roles: string[];
              status: 'active' | 'disabled';
              username: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/users/{id}/reset-password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Set a new password; ends the user’s sessions (重置密码) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/warehouses': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Warehouses (仓库) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                address: string;
                code: string;
                createdAt: string;
                id: string;
                name: string;
                regionId: string | null;
                status: 'active' | 'inactive';
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Create a warehouse (新建仓库) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            address: string;
            /** @description 2-32 letters, digits, _ - */
            code: string;
            name: string;
            regionId?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              address: string;
              code: string;
              createdAt: string;
              id: string;
              name: string;
              regionId: string | null;
              status: 'active' | 'inactive';
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/warehouses/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a warehouse’s name, address, region or status (修改仓库 / 停用) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            address?: string;
            name?: string;
            regionId?: string | null;
            status?: 'active' | 'inactive';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              address: string;
              code: string;
              createdAt: string;
              id: string;
              name: string;
              regionId: string | null;
              status: 'active' | 'inactive';
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/healthz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The process is up */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              ok: boolean;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/readyz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The database answers and every migration is applied (503 db.unavailable while the database is away) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              migrations: number;
              ok: boolean;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: never;
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
