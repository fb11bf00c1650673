import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, InputNumber, Select, Space, Typography } from 'antd';
import { useLocale } from '../../locale-context';
import { fenToYuan, yuanToFen } from '../../shared/money';
import {
  isGroup,
  isMoneyMetric,
  LEVEL_METRICS,
  type LevelMetric,
  RULE_OPS,
  type RuleCondition,
  type RuleNode,
  type RuleOp,
} from './levels-api';

/**
 * The rule editor (规则编辑器): a tree of and / or groups and conditions. The top is always a group
 * here (a single condition is saved as itself); money is typed in yuan and kept in fen. The server
 * validates the whole tree and names the path of any mistake; the preview beside shows it in words.
 */

type Group = { all: RuleNode[] } | { any: RuleNode[] };
type Path = number[];

const MAX_DEPTH = 4;
const OP_LABEL: Record<RuleOp, string> = { '>=': '≥', '>': '>', '<': '<', '<=': '≤' };

export function newCondition(): RuleCondition {
  return { metric: 'ownGmvFen', op: '>=', value: 100_000 };
}

/** What the editor edits: the rule as a group (a bare condition becomes a group of one). */
export function toEditable(rule: RuleNode | null): Group | null {
  if (!rule) return null;
  return isGroup(rule) ? rule : { all: [rule] };
}

/** What is saved: a group of one condition is saved as that condition. */
export function fromEditable(group: Group | null): RuleNode | null {
  if (!group) return null;
  const children = childrenOf(group);
  const only = children[0];
  return children.length === 1 && only && !isGroup(only) ? only : group;
}

function childrenOf(g: Group): RuleNode[] {
  return 'all' in g ? g.all : g.any;
}

function withChildren(g: Group, children: RuleNode[]): Group {
  return 'all' in g ? { all: children } : { any: children };
}

/** Replaces the node at `path` (indices from the top group) with what `fn` returns; null removes it. */
function updateAt(node: RuleNode, path: Path, fn: (n: RuleNode) => RuleNode | null): RuleNode | null {
  if (path.length === 0) return fn(node);
  if (!isGroup(node)) return node;
  const [head, ...rest] = path;
  const children = childrenOf(node).flatMap((c, i) => {
    if (i !== head) return [c];
    const next = updateAt(c, rest, fn);
    return next === null ? [] : [next];
  });
  return withChildren(node, children);
}

export function RuleEditor({
  value,
  onChange,
  testId,
}: {
  value: Group | null;
  onChange: (next: Group | null) => void;
  testId: string;
}) {
  const { t } = useLocale();
  if (!value)
    return (
      <Space>
        <Typography.Text type="secondary">{t('levels.rule.none')}</Typography.Text>
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() => onChange({ all: [newCondition()] })}
          data-testid={`${testId}-use`}
        >
          {t('levels.rule.use')}
        </Button>
      </Space>
    );
  const change = (path: Path, fn: (n: RuleNode) => RuleNode | null) => {
    const next = updateAt(value, path, fn);
    onChange(next === null || !isGroup(next) ? null : next);
  };
  return <GroupEditor node={value} path={[]} change={change} testId={testId} />;
}

function GroupEditor({
  node,
  path,
  change,
  testId,
}: {
  node: Group;
  path: Path;
  change: (path: Path, fn: (n: RuleNode) => RuleNode | null) => void;
  testId: string;
}) {
  const { t } = useLocale();
  const id = `${testId}-group-${path.length === 0 ? 'root' : path.join('-')}`;
  const children = childrenOf(node);
  return (
    <div
      data-testid={id}
      style={{ border: '1px dashed #d9d9d9', borderRadius: 6, padding: '8px 10px', margin: '4px 0' }}
    >
      <Space wrap style={{ marginBottom: 6 }}>
        <Select
          size="small"
          style={{ width: 150 }}
          value={'all' in node ? 'all' : 'any'}
          onChange={(kind: 'all' | 'any') =>
            change(path, () => (kind === 'all' ? { all: children } : { any: children }))
          }
          options={[
            { value: 'all', label: t('levels.rule.all') },
            { value: 'any', label: t('levels.rule.any') },
          ]}
          data-testid={`${id}-kind`}
        />
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() =>
            change(path, (n) => (isGroup(n) ? withChildren(n, [...childrenOf(n), newCondition()]) : n))
          }
          data-testid={`${id}-add`}
        >
          {t('levels.rule.addCondition')}
        </Button>
        {path.length < MAX_DEPTH - 1 && (
          <Button
            size="small"
            onClick={() =>
              change(path, (n) =>
                isGroup(n) ? withChildren(n, [...childrenOf(n), { any: [newCondition()] }]) : n,
              )
            }
            data-testid={`${id}-add-group`}
          >
            {t('levels.rule.addGroup')}
          </Button>
        )}
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          onClick={() => change(path, () => null)}
          data-testid={`${id}-remove`}
        >
          {t('levels.rule.remove')}
        </Button>
      </Space>
      {children.map((child, i) => {
        const childPath = [...path, i];
        return isGroup(child) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the position is the node's identity in the tree
          <GroupEditor key={i} node={child} path={childPath} change={change} testId={testId} />
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the position is the node's identity in the tree
          <ConditionEditor key={i} node={child} path={childPath} change={change} testId={testId} />
        );
      })}
    </div>
  );
}

function ConditionEditor({
  node,
  path,
  change,
  testId,
}: {
  node: RuleCondition;
  path: Path;
  change: (path: Path, fn: (n: RuleNode) => RuleNode | null) => void;
  testId: string;
}) {
  const { t } = useLocale();
  const id = `${testId}-cond-${path.join('-')}`;
  const set = (patch: Partial<RuleCondition>) =>
    change(path, (n) => {
      if (isGroup(n)) return n;
      const next: RuleCondition = { ...n, ...patch };
      // Options that do not apply to the metric are dropped rather than sent and refused.
      if (next.metric !== 'teamGmvFen') delete next.generations;
      if (next.metric !== 'directRecruits') delete next.activeOnly;
      if (next.metric === 'directRecruits' && !next.activeOnly) delete next.period;
      return next;
    });
  const money = isMoneyMetric(node.metric);
  const periodApplies = node.metric !== 'directRecruits' || node.activeOnly === true;
  return (
    <Space wrap style={{ display: 'flex', margin: '4px 0' }} data-testid={id}>
      <Select
        size="small"
        style={{ width: 170 }}
        value={node.metric}
        onChange={(metric: LevelMetric) => {
          // Switching between money and counts keeps the number a person typed.
          const wasMoney = isMoneyMetric(node.metric);
          const nowMoney = isMoneyMetric(metric);
          const value =
            wasMoney === nowMoney ? node.value : nowMoney ? node.value * 100 : Math.round(node.value / 100);
          set({ metric, value });
        }}
        options={LEVEL_METRICS.map((m) => ({ value: m, label: t(`levels.rule.metric.${m}`) }))}
        data-testid={`${id}-metric`}
      />
      <Select
        size="small"
        style={{ width: 64 }}
        value={node.op}
        onChange={(op: RuleOp) => set({ op })}
        options={RULE_OPS.map((op) => ({ value: op, label: OP_LABEL[op] }))}
        data-testid={`${id}-op`}
      />
      <InputNumber
        size="small"
        style={{ width: 130 }}
        min={0}
        precision={money ? 2 : 0}
        prefix={money ? '¥' : undefined}
        value={money ? fenToYuan(node.value) : node.value}
        onChange={(v) =>
          set({ value: v === null ? 0 : money ? yuanToFen(Number(v)) : Math.round(Number(v)) })
        }
        aria-label={t('levels.rule.value')}
        data-testid={`${id}-value`}
      />
      {periodApplies && (
        <Select
          size="small"
          style={{ width: 120 }}
          value={node.period ? 'days' : 'assessment'}
          onChange={(p: 'days' | 'assessment') => set({ period: p === 'days' ? { days: 30 } : undefined })}
          options={[
            { value: 'assessment', label: t('levels.rule.periodAssessment') },
            { value: 'days', label: t('levels.rule.periodDays') },
          ]}
          data-testid={`${id}-period`}
        />
      )}
      {periodApplies && node.period && (
        <InputNumber
          size="small"
          style={{ width: 90 }}
          min={1}
          max={366}
          precision={0}
          suffix={t('levels.rule.days')}
          value={node.period.days}
          onChange={(v) => set({ period: { days: v === null ? 30 : Number(v) } })}
          data-testid={`${id}-days`}
        />
      )}
      {node.metric === 'teamGmvFen' && (
        <InputNumber
          size="small"
          style={{ width: 170 }}
          min={1}
          max={20}
          precision={0}
          placeholder={t('levels.rule.generations')}
          value={node.generations ?? null}
          onChange={(v) => set({ generations: v === null ? undefined : Number(v) })}
          data-testid={`${id}-generations`}
        />
      )}
      {node.metric === 'directRecruits' && (
        <Checkbox
          checked={node.activeOnly === true}
          onChange={(e) => set({ activeOnly: e.target.checked ? true : undefined })}
          data-testid={`${id}-active`}
        >
          {t('levels.rule.activeOnly')}
        </Checkbox>
      )}
      <Button
        size="small"
        type="text"
        danger
        icon={<DeleteOutlined />}
        onClick={() => change(path, () => null)}
        aria-label={t('levels.rule.remove')}
        data-testid={`${id}-remove`}
      />
    </Space>
  );
}
