import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Form, Input, Radio, Select, Space, Switch, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useCategories } from '../../catalog-api';
import type { LevelOption, PlanDocument, TeamRule } from '../../commission-api';
import { useCampaignOptions } from '../../commission-api';
import { useLocale } from '../../locale-context';
import { SkuPicker } from '../campaigns/sku-picker';
import { PercentInput, WholeInput, YuanInput } from './plan-inputs';

/**
 * The plan editor's forms, one card per rule kind. Every input's name is the plan document's own
 * field path, so the server's refusal (`body.levels[1].teamRateBps`) is shown under that input.
 */
interface SectionProps {
  disabled: boolean;
}

const HARD_DEPTH_CEILING = 5;

/**
 * Holds a form value nobody edits here (a level's id), inside a `noStyle` Form.Item: it takes no room
 * and shows only the server's error for that value, when there is one.
 */
function ValueHolder(_: { value?: unknown; onChange?: (v: unknown) => void }) {
  const { errors } = Form.Item.useStatus();
  return errors.length > 0 ? <Typography.Text type="danger">{errors[0]}</Typography.Text> : null;
}
const DEFAULT_DEPTH = 3;

function RemoveButton({
  onClick,
  testId,
  disabled,
}: {
  onClick: () => void;
  testId: string;
  disabled: boolean;
}) {
  const { t } = useLocale();
  return (
    <Button
      type="text"
      danger
      icon={<DeleteOutlined />}
      aria-label={t('commission.remove')}
      onClick={onClick}
      disabled={disabled}
      data-testid={testId}
    />
  );
}

export function BasicsSection({ disabled }: SectionProps) {
  const { t } = useLocale();
  const form = Form.useFormInstance<PlanDocument>();
  const depth = Form.useWatch<number | undefined>('depthCap', { form, preserve: true });
  return (
    <Card size="small" title={t('commission.section.basics')}>
      <Space wrap size="large" align="start">
        <Form.Item name="name" label={t('commission.name')}>
          <Input style={{ width: 320 }} maxLength={100} disabled={disabled} data-testid="plan-name" />
        </Form.Item>
        <Form.Item name="depthCap" label={t('commission.depthCap')} tooltip={t('commission.depthCapHelp')}>
          <WholeInput min={0} max={HARD_DEPTH_CEILING} disabled={disabled} testId="plan-depthCap" />
        </Form.Item>
        <Form.Item
          name="selfPurchaseEarnsDirect"
          label={t('commission.selfPurchase')}
          valuePropName="checked"
        >
          <Switch disabled={disabled} data-testid="plan-selfPurchase" />
        </Form.Item>
      </Space>
      {(depth ?? 0) > DEFAULT_DEPTH && (
        <Form.Item name="allowDepthAboveDefault" valuePropName="checked">
          <Checkbox disabled={disabled} data-testid="plan-allowDepth">
            {t('commission.allowDepth')}
          </Checkbox>
        </Form.Item>
      )}
    </Card>
  );
}

function CategorySelect({
  value,
  onChange,
  testId,
  disabled,
}: {
  value?: string;
  onChange?: (v: string) => void;
  testId: string;
  disabled: boolean;
}) {
  const { t } = useLocale();
  const categories = useCategories();
  if (categories.isError)
    return (
      <Input
        value={value}
        onChange={(e) => onChange?.(e.target.value.trim())}
        placeholder={t('commission.categoryId')}
        disabled={disabled}
        data-testid={testId}
      />
    );
  return (
    <Select
      value={value}
      onChange={(v: string) => onChange?.(v)}
      options={(categories.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.code})` }))}
      style={{ minWidth: 200 }}
      disabled={disabled}
      data-testid={testId}
    />
  );
}

/** One level's direct-commission overrides: category rates, SKU rates, SKU fixed amounts per unit. */
function LevelOverrides({ levelIndex, disabled }: { levelIndex: number; disabled: boolean }) {
  const { t } = useLocale();
  const at = `plan-level-${levelIndex}`;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Form.List name={[levelIndex, 'categoryRates']}>
        {(fields, { add, remove }) => (
          <Space orientation="vertical" size={4}>
            {fields.map((f, j) => (
              <Space key={f.key} align="start">
                <Typography.Text type="secondary">{t('commission.categoryRate')}</Typography.Text>
                <Form.Item name={[f.name, 'categoryId']} style={{ margin: 0 }}>
                  <CategorySelect disabled={disabled} testId={`${at}-category-${j}-id`} />
                </Form.Item>
                <Form.Item name={[f.name, 'rateBps']} style={{ margin: 0 }}>
                  <PercentInput disabled={disabled} testId={`${at}-category-${j}-rate`} />
                </Form.Item>
                <RemoveButton
                  onClick={() => remove(f.name)}
                  disabled={disabled}
                  testId={`${at}-category-${j}-remove`}
                />
              </Space>
            ))}
            {!disabled && (
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() => add({ categoryId: '', rateBps: 0 })}
              >
                {t('commission.addCategoryRate')}
              </Button>
            )}
          </Space>
        )}
      </Form.List>
      <Form.List name={[levelIndex, 'skuRates']}>
        {(fields, { add, remove }) => (
          <Space orientation="vertical" size={4}>
            {fields.map((f, j) => (
              <Space key={f.key} align="start">
                <Typography.Text type="secondary">{t('commission.skuRate')}</Typography.Text>
                <Form.Item name={[f.name, 'skuId']} style={{ margin: 0 }}>
                  <SkuPicker testId={`${at}-skuRate-${j}-sku`} />
                </Form.Item>
                <Form.Item name={[f.name, 'rateBps']} style={{ margin: 0 }}>
                  <PercentInput disabled={disabled} testId={`${at}-skuRate-${j}-rate`} />
                </Form.Item>
                <RemoveButton
                  onClick={() => remove(f.name)}
                  disabled={disabled}
                  testId={`${at}-skuRate-${j}-remove`}
                />
              </Space>
            ))}
            {!disabled && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => add({ skuId: '', rateBps: 0 })}>
                {t('commission.addSkuRate')}
              </Button>
            )}
          </Space>
        )}
      </Form.List>
      <Form.List name={[levelIndex, 'skuFixed']}>
        {(fields, { add, remove }) => (
          <Space orientation="vertical" size={4}>
            {fields.map((f, j) => (
              <Space key={f.key} align="start">
                <Typography.Text type="secondary">{t('commission.skuFixed')}</Typography.Text>
                <Form.Item name={[f.name, 'skuId']} style={{ margin: 0 }}>
                  <SkuPicker testId={`${at}-skuFixed-${j}-sku`} />
                </Form.Item>
                <Form.Item name={[f.name, 'perUnitFen']} style={{ margin: 0 }}>
                  <YuanInput disabled={disabled} testId={`${at}-skuFixed-${j}-amount`} />
                </Form.Item>
                <RemoveButton
                  onClick={() => remove(f.name)}
                  disabled={disabled}
                  testId={`${at}-skuFixed-${j}-remove`}
                />
              </Space>
            ))}
            {!disabled && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => add({ skuId: '', perUnitFen: 0 })}>
                {t('commission.addSkuFixed')}
              </Button>
            )}
          </Space>
        )}
      </Form.List>
    </Space>
  );
}

/** The levels the plan pays, each with its direct rate, its team rate and its overrides. */
export function LevelsSection({ disabled, levels }: SectionProps & { levels: LevelOption[] }) {
  const { t, lang } = useLocale();
  const form = Form.useFormInstance<PlanDocument>();
  // `preserve`: the team mode has no input of its own (the radio sets the whole rule), so it is
  // watched in the form's store rather than through a registered field.
  const teamMode = Form.useWatch<TeamRule['mode'] | undefined>(['team', 'mode'], { form, preserve: true });
  const rows = Form.useWatch<PlanDocument['levels'] | undefined>('levels', { form, preserve: true }) ?? [];
  const nameOf = (id: string) => {
    const l = levels.find((x) => x.id === id);
    return l ? (lang === 'zh' ? l.name : l.nameEn) : id;
  };
  const missing = levels.filter((l) => l.status === 'active' && !rows.some((r) => r?.levelId === l.id));
  return (
    <Card size="small" title={t('commission.section.levels')}>
      <Form.List name="levels">
        {(fields, { add, remove }, { errors }) => (
          <Space orientation="vertical" style={{ width: '100%' }} size="middle">
            <Form.ErrorList errors={errors} />
            {fields.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                type="inner"
                title={
                  <span data-testid={`plan-level-${i}-name`}>
                    {nameOf(form.getFieldValue(['levels', f.name, 'levelId']))}
                  </span>
                }
                extra={
                  <RemoveButton
                    onClick={() => remove(f.name)}
                    disabled={disabled}
                    testId={`plan-level-${i}-remove`}
                  />
                }
              >
                {/* The level id is not edited but is validated: an unknown level's error shows here. */}
                <Form.Item name={[f.name, 'levelId']} noStyle>
                  <ValueHolder />
                </Form.Item>
                <Space wrap size="large" align="start">
                  <Form.Item name={[f.name, 'directRateBps']} label={t('commission.directRate')}>
                    <PercentInput disabled={disabled} testId={`plan-level-${i}-directRateBps`} />
                  </Form.Item>
                  {teamMode === 'differential' && (
                    <Form.Item name={[f.name, 'teamRateBps']} label={t('commission.teamRate')}>
                      <PercentInput disabled={disabled} testId={`plan-level-${i}-teamRateBps`} />
                    </Form.Item>
                  )}
                  {teamMode === 'differential' && (
                    <Form.Item
                      name={[f.name, 'peerBonus']}
                      label={t('commission.peerBonusLevel')}
                      valuePropName="checked"
                      tooltip={t('commission.peerBonusLevelHint')}
                    >
                      <Checkbox disabled={disabled} data-testid={`plan-level-${i}-peerBonus`}>
                        {t('commission.peerBonusLevelOn')}
                      </Checkbox>
                    </Form.Item>
                  )}
                </Space>
                <LevelOverrides levelIndex={f.name} disabled={disabled} />
              </Card>
            ))}
            {!disabled && missing.length > 0 && (
              <Select<string>
                placeholder={t('commission.addLevel')}
                value={null as unknown as string}
                onChange={(levelId) =>
                  add({
                    levelId,
                    directRateBps: 0,
                    teamRateBps: 0,
                    peerBonus: false,
                    categoryRates: [],
                    skuRates: [],
                    skuFixed: [],
                  })
                }
                options={missing.map((l) => ({ value: l.id, label: lang === 'zh' ? l.name : l.nameEn }))}
                style={{ width: 220 }}
                data-testid="plan-level-add"
              />
            )}
          </Space>
        )}
      </Form.List>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('commission.directHelp')}
      </Typography.Paragraph>
    </Card>
  );
}

const TEAM_DEFAULTS: Record<TeamRule['mode'], TeamRule> = {
  none: { mode: 'none' },
  differential: { mode: 'differential', peerRateBps: 1000, peerGenerations: 1 },
  generations: { mode: 'generations', generationRatesBps: [500] },
};

export function TeamSection({ disabled }: SectionProps) {
  const { t } = useLocale();
  const form = Form.useFormInstance<PlanDocument>();
  const mode =
    Form.useWatch<TeamRule['mode'] | undefined>(['team', 'mode'], { form, preserve: true }) ?? 'none';
  return (
    <Card size="small" title={t('commission.section.team')}>
      <Form.Item label={t('commission.teamMode')}>
        <Radio.Group
          value={mode}
          // Each mode has its own fields: switching replaces the whole rule so no stray field is sent.
          onChange={(e) => form.setFieldValue('team', TEAM_DEFAULTS[e.target.value as TeamRule['mode']])}
          disabled={disabled}
          data-testid="plan-team-mode"
        >
          <Radio value="none">{t('commission.team.none')}</Radio>
          <Radio value="differential">{t('commission.team.differential')}</Radio>
          <Radio value="generations">{t('commission.team.generations')}</Radio>
        </Radio.Group>
      </Form.Item>
      {mode === 'differential' && (
        <Space wrap size="large" align="start">
          <Form.Item
            name={['team', 'peerRateBps']}
            label={t('commission.peerRate')}
            tooltip={t('commission.peerHelp')}
          >
            <PercentInput disabled={disabled} testId="plan-peerRateBps" />
          </Form.Item>
          <Form.Item name={['team', 'peerGenerations']} label={t('commission.peerGenerations')}>
            <WholeInput min={0} max={HARD_DEPTH_CEILING} disabled={disabled} testId="plan-peerGenerations" />
          </Form.Item>
        </Space>
      )}
      {mode === 'generations' && (
        <Form.List name={['team', 'generationRatesBps']}>
          {(fields, { add, remove }, { errors }) => (
            <Space wrap align="start">
              {/* Errors about the list as a whole (more generations than the depth) show here. */}
              <Form.ErrorList errors={errors} />
              {fields.map((f, i) => (
                <Space key={f.key} align="start">
                  <Form.Item name={f.name} label={t('commission.generation', { n: i + 1 })}>
                    <PercentInput disabled={disabled} testId={`plan-generation-${i}`} />
                  </Form.Item>
                  <RemoveButton
                    onClick={() => remove(f.name)}
                    disabled={disabled}
                    testId={`plan-generation-${i}-remove`}
                  />
                </Space>
              ))}
              {!disabled && fields.length < HARD_DEPTH_CEILING && (
                <Button icon={<PlusOutlined />} onClick={() => add(0)} data-testid="plan-generation-add">
                  {t('commission.addGeneration')}
                </Button>
              )}
            </Space>
          )}
        </Form.List>
      )}
    </Card>
  );
}

/** A card whose rule is optional: a switch turns it on with sensible values, or off (null). */
function OptionalCard({
  field,
  title,
  defaults,
  disabled,
  children,
}: {
  field: 'recruit' | 'tiered' | 'regional';
  title: string;
  defaults: NonNullable<PlanDocument['recruit'] | PlanDocument['tiered'] | PlanDocument['regional']>;
  disabled: boolean;
  children: ReactNode;
}) {
  const form = Form.useFormInstance<PlanDocument>();
  const value = Form.useWatch(field, { form, preserve: true });
  const on = value !== null && value !== undefined;
  return (
    <Card
      size="small"
      title={title}
      extra={
        <Switch
          checked={on}
          disabled={disabled}
          onChange={(checked) => form.setFieldValue(field, checked ? structuredClone(defaults) : null)}
          data-testid={`plan-${field}-enabled`}
        />
      }
    >
      {on && children}
    </Card>
  );
}

export function RecruitSection({ disabled }: SectionProps) {
  const { t } = useLocale();
  return (
    <OptionalCard
      field="recruit"
      title={t('commission.section.recruit')}
      defaults={{ thresholdFen: 100_000, withinDays: 30, bonusFen: 5_000, rateBps: 0, rateDays: 30 }}
      disabled={disabled}
    >
      <Space wrap size="large" align="start">
        <Form.Item name={['recruit', 'thresholdFen']} label={t('commission.recruit.threshold')}>
          <YuanInput disabled={disabled} testId="plan-recruit-threshold" />
        </Form.Item>
        <Form.Item name={['recruit', 'withinDays']} label={t('commission.recruit.withinDays')}>
          <WholeInput min={1} disabled={disabled} testId="plan-recruit-withinDays" />
        </Form.Item>
        <Form.Item name={['recruit', 'bonusFen']} label={t('commission.recruit.bonus')}>
          <YuanInput disabled={disabled} testId="plan-recruit-bonus" />
        </Form.Item>
        <Form.Item name={['recruit', 'rateBps']} label={t('commission.recruit.rate')}>
          <PercentInput disabled={disabled} testId="plan-recruit-rate" />
        </Form.Item>
        <Form.Item name={['recruit', 'rateDays']} label={t('commission.recruit.rateDays')}>
          <WholeInput disabled={disabled} testId="plan-recruit-rateDays" />
        </Form.Item>
      </Space>
    </OptionalCard>
  );
}

export function TieredSection({ disabled }: SectionProps) {
  const { t } = useLocale();
  return (
    <OptionalCard
      field="tiered"
      title={t('commission.section.tiered')}
      defaults={{
        mode: 'marginal',
        tiers: [
          { fromFen: 0, rateBps: 0 },
          { fromFen: 1_000_000, rateBps: 100 },
          { fromFen: 5_000_000, rateBps: 200 },
        ],
      }}
      disabled={disabled}
    >
      <Form.Item name={['tiered', 'mode']} label={t('commission.tiered.mode')}>
        <Radio.Group disabled={disabled} data-testid="plan-tiered-mode">
          <Radio value="whole">{t('commission.tiered.whole')}</Radio>
          <Radio value="marginal">{t('commission.tiered.marginal')}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.List name={['tiered', 'tiers']}>
        {(fields, { add, remove }, { errors }) => (
          <Space orientation="vertical" size={4}>
            <Form.ErrorList errors={errors} />
            {fields.map((f, i) => (
              <Space key={f.key} align="start">
                <Form.Item
                  name={[f.name, 'fromFen']}
                  label={i === 0 ? t('commission.tiered.from') : undefined}
                >
                  <YuanInput disabled={disabled} testId={`plan-tier-${i}-from`} />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'rateBps']}
                  label={i === 0 ? t('commission.tiered.rate') : undefined}
                >
                  <PercentInput disabled={disabled} testId={`plan-tier-${i}-rate`} />
                </Form.Item>
                <RemoveButton
                  onClick={() => remove(f.name)}
                  disabled={disabled}
                  testId={`plan-tier-${i}-remove`}
                />
              </Space>
            ))}
            {!disabled && (
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() => add({ fromFen: 0, rateBps: 0 })}
                data-testid="plan-tier-add"
              >
                {t('commission.tiered.add')}
              </Button>
            )}
          </Space>
        )}
      </Form.List>
    </OptionalCard>
  );
}

export function RegionalSection({ disabled }: SectionProps) {
  const { t } = useLocale();
  return (
    <OptionalCard
      field="regional"
      title={t('commission.section.regional')}
      defaults={{ rateBps: 50 }}
      disabled={disabled}
    >
      <Form.Item name={['regional', 'rateBps']} label={t('commission.regional.rate')}>
        <PercentInput disabled={disabled} testId="plan-regional-rate" />
      </Form.Item>
    </OptionalCard>
  );
}

export function HotProductsSection({ disabled }: SectionProps) {
  const { t } = useLocale();
  const campaigns = useCampaignOptions();
  return (
    <Card size="small" title={t('commission.section.hot')}>
      <Form.List name="hotProducts">
        {(fields, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {fields.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                type="inner"
                extra={
                  <RemoveButton
                    onClick={() => remove(f.name)}
                    disabled={disabled}
                    testId={`plan-hot-${i}-remove`}
                  />
                }
              >
                <Space wrap align="start">
                  <Form.Item name={[f.name, 'campaignId']} label={t('commission.hot.campaign')}>
                    <Select
                      options={(campaigns.data ?? []).map((c) => ({
                        value: c.id,
                        label: `${c.code} ${c.name}`,
                      }))}
                      style={{ minWidth: 240 }}
                      disabled={disabled}
                      data-testid={`plan-hot-${i}-campaign`}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'skuId']} label={t('commission.hot.sku')}>
                    <SkuPicker testId={`plan-hot-${i}-sku`} />
                  </Form.Item>
                </Space>
                <Form.List name={[f.name, 'steps']}>
                  {(steps, ops, { errors }) => (
                    <Space orientation="vertical" size={4}>
                      <Form.ErrorList errors={errors} />
                      {steps.map((s, j) => (
                        <Space key={s.key} align="start">
                          <Form.Item
                            name={[s.name, 'minUnits']}
                            label={j === 0 ? t('commission.hot.minUnits') : undefined}
                          >
                            <WholeInput
                              min={1}
                              disabled={disabled}
                              testId={`plan-hot-${i}-step-${j}-units`}
                            />
                          </Form.Item>
                          <Form.Item
                            name={[s.name, 'perUnitFen']}
                            label={j === 0 ? t('commission.hot.perUnit') : undefined}
                          >
                            <YuanInput disabled={disabled} testId={`plan-hot-${i}-step-${j}-amount`} />
                          </Form.Item>
                          <RemoveButton
                            onClick={() => ops.remove(s.name)}
                            disabled={disabled}
                            testId={`plan-hot-${i}-step-${j}-remove`}
                          />
                        </Space>
                      ))}
                      {!disabled && (
                        <Button
                          size="small"
                          icon={<PlusOutlined />}
                          onClick={() => ops.add({ minUnits: 1, perUnitFen: 0 })}
                        >
                          {t('commission.hot.addStep')}
                        </Button>
                      )}
                    </Space>
                  )}
                </Form.List>
              </Card>
            ))}
            {!disabled && (
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ campaignId: '', skuId: '', steps: [{ minUnits: 100, perUnitFen: 50 }] })}
                data-testid="plan-hot-add"
              >
                {t('commission.hot.add')}
              </Button>
            )}
          </Space>
        )}
      </Form.List>
    </Card>
  );
}
