import { EditOutlined, ImportOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useCan } from '../../auth-context';
import type { StockLevel } from '../../inventory-api';
import { useLocale } from '../../locale-context';
import { type MovementFocus, MovementsTab } from './movements-tab';
import { StockChangeModal, type StockChangePreset } from './stock-change-modal';
import { type LevelAction, StockLevelsTab, skuLabel } from './stock-levels-tab';
import { ThresholdModal } from './threshold-modal';
import { WarehousesTab } from './warehouses-tab';

type Dialog =
  | { kind: 'receive' | 'adjust'; preset: StockChangePreset }
  | { kind: 'threshold'; level: StockLevel }
  | null;

/** 库存: stock levels, the movement log and warehouses, with receiving and stock-count adjustments. */
export function StockPage() {
  const { t } = useLocale();
  const can = useCan();
  const canWrite = can('inventory.write');
  const [tab, setTab] = useState('levels');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [focus, setFocus] = useState<{ n: number; focus: MovementFocus | null }>({ n: 0, focus: null });

  const onAction = (action: LevelAction, level: StockLevel) => {
    const preset = { skuId: level.skuId, skuLabel: skuLabel(level), warehouseId: level.warehouseId };
    if (action === 'receive' || action === 'adjust') setDialog({ kind: action, preset });
    else if (action === 'threshold') setDialog({ kind: 'threshold', level });
    else {
      setFocus((f) => ({ n: f.n + 1, focus: preset }));
      setTab('movements');
    }
  };

  return (
    <Card
      title={t('nav.inventory')}
      extra={
        canWrite && (
          <Space>
            <Button
              type="primary"
              icon={<ImportOutlined />}
              onClick={() => setDialog({ kind: 'receive', preset: {} })}
              data-testid="stock-receive"
            >
              {t('inventory.receive')}
            </Button>
            <Button
              icon={<EditOutlined />}
              onClick={() => setDialog({ kind: 'adjust', preset: {} })}
              data-testid="stock-adjust"
            >
              {t('inventory.adjust')}
            </Button>
          </Space>
        )
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          // Opening the tab by hand shows every movement, not the last row's.
          if (key === 'movements') setFocus((f) => ({ n: f.n + 1, focus: null }));
          setTab(key);
        }}
        items={[
          {
            key: 'levels',
            label: <span data-testid="stock-tab-levels">{t('inventory.tab.levels')}</span>,
            children: <StockLevelsTab onAction={onAction} />,
          },
          {
            key: 'movements',
            label: <span data-testid="stock-tab-movements">{t('inventory.tab.movements')}</span>,
            children: <MovementsTab key={focus.n} focus={focus.focus} />,
          },
          ...(can('warehouses.read')
            ? [
                {
                  key: 'warehouses',
                  label: <span data-testid="stock-tab-warehouses">{t('inventory.tab.warehouses')}</span>,
                  children: <WarehousesTab />,
                },
              ]
            : []),
        ]}
      />
      {(dialog?.kind === 'receive' || dialog?.kind === 'adjust') && (
        <StockChangeModal mode={dialog.kind} preset={dialog.preset} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'threshold' && (
        <ThresholdModal level={dialog.level} onClose={() => setDialog(null)} />
      )}
    </Card>
  );
}
