import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, List, Popup, Selector, Toast } from 'antd-mobile';
import { useState } from 'react';
import { ApiError } from '../../api';
import { localizedMessage } from '../../i18n';
import { useLocale } from '../../locale-context';
import { H5Input } from '../../shared/h5-input';
import { formatYuan } from '../../shared/money';
import { H5Error } from '../h5-shared';
import { earningsApi } from './earnings-api';
import { Loading } from './portal-shared';

/** "12.3" → 1230 fen; null for anything that is not a positive amount with at most two decimals. */
export function yuanToFen(text: string): number | null {
  const m = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return fen > 0 ? fen : null;
}

/** Where the money goes (收款账户): asked once, before the first withdrawal. */
function PayoutAccountForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useLocale();
  const [method, setMethod] = useState<'wechat' | 'bank'>('wechat');
  const [payeeName, setPayeeName] = useState('');
  const [account, setAccount] = useState('');
  const [bankName, setBankName] = useState('');
  const save = useMutation({
    mutationFn: () =>
      earningsApi.setPayoutAccount({
        method,
        payeeName: payeeName.trim(),
        account: account.trim(),
        ...(method === 'bank' ? { bankName: bankName.trim() || null } : {}),
      }),
    onSuccess: onSaved,
  });
  return (
    <div data-testid="earnings-payout-form">
      <div style={{ color: '#999', fontSize: 13, marginBottom: 8 }}>{t('earnings.noAccount')}</div>
      <Selector
        columns={2}
        value={[method]}
        onChange={(v) => v[0] && setMethod(v[0])}
        options={[
          { label: '微信 WeChat', value: 'wechat' },
          { label: '银行卡 Bank', value: 'bank' },
        ]}
      />
      <div style={{ display: 'grid', gap: 8, marginTop: 8 }}>
        <H5Input
          testId="earnings-payee"
          value={payeeName}
          onChange={setPayeeName}
          placeholder="收款人 Payee"
        />
        <H5Input
          testId="earnings-account"
          value={account}
          onChange={setAccount}
          placeholder={method === 'bank' ? '银行卡号 Card number' : '微信 openid'}
        />
        {method === 'bank' && (
          <H5Input testId="earnings-bank" value={bankName} onChange={setBankName} placeholder="开户行 Bank" />
        )}
      </div>
      {save.error && <H5Error error={save.error} />}
      <Button
        block
        color="primary"
        style={{ marginTop: 12 }}
        loading={save.isPending}
        disabled={!payeeName.trim() || !account.trim()}
        onClick={() => save.mutate()}
        data-testid="earnings-payout-save"
      >
        {t('common.save')}
      </Button>
    </div>
  );
}

/**
 * The withdrawal request (申请提现): the amount, then the fee, the tax and what arrives, computed by
 * the server before the leader confirms; refused requests say why in the leader's language.
 */
export function WithdrawSheet({ visible, onClose }: { visible: boolean; onClose: () => void }) {
  const { lang, t } = useLocale();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const fen = yuanToFen(text);
  const ledger = useQuery({ queryKey: ['portal', 'ledger'], queryFn: earningsApi.ledger, enabled: visible });
  const preview = useQuery({
    queryKey: ['portal', 'withdraw-preview', fen],
    queryFn: () => earningsApi.preview(fen ?? 0),
    enabled: visible && fen !== null && !!ledger.data?.payoutAccount,
  });
  const request = useMutation({
    mutationFn: () => earningsApi.withdraw(fen ?? 0),
    onSuccess: () => {
      Toast.show({ icon: 'success', content: t('earnings.requested') });
      setText('');
      void queryClient.invalidateQueries({ queryKey: ['portal'] });
      onClose();
    },
  });
  const problem = preview.data?.problem ?? null;
  return (
    <Popup
      visible={visible}
      onMaskClick={onClose}
      bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12 }}
    >
      <div style={{ padding: 16, maxWidth: 480, margin: '0 auto' }} data-testid="earnings-withdraw-sheet">
        <div style={{ fontWeight: 600, fontSize: 16, marginBottom: 12 }}>{t('earnings.withdraw')}</div>
        {ledger.isPending ? (
          <Loading />
        ) : ledger.isError ? (
          <H5Error error={ledger.error} />
        ) : !ledger.data.payoutAccount ? (
          <PayoutAccountForm onSaved={() => void ledger.refetch()} />
        ) : (
          <>
            <div style={{ color: '#999', fontSize: 13, marginBottom: 8 }} data-testid="earnings-withdrawable">
              {t('earnings.withdrawable', {
                amount: formatYuan(ledger.data.withdrawableFen),
                min: formatYuan(ledger.data.rules.minAmountFen),
              })}
            </div>
            <div style={{ fontSize: 12, color: '#666', marginBottom: 8 }}>
              {ledger.data.payoutAccount.payeeName} · {ledger.data.payoutAccount.accountMasked}
            </div>
            <H5Input
              testId="earnings-amount"
              value={text}
              onChange={setText}
              placeholder={t('earnings.amount')}
              inputMode="numeric"
            />
            {text !== '' && fen === null && (
              <div style={{ color: '#ff3141', fontSize: 12, marginTop: 4 }}>
                {t('earnings.amountInvalid')}
              </div>
            )}
            {preview.data && (
              <List style={{ marginTop: 8 }} data-testid="earnings-preview">
                <List.Item extra={<span data-testid="earnings-fee">{formatYuan(preview.data.feeFen)}</span>}>
                  {t('earnings.fee')}
                </List.Item>
                <List.Item extra={<span data-testid="earnings-tax">{formatYuan(preview.data.taxFen)}</span>}>
                  {t('earnings.tax')}
                </List.Item>
                <List.Item
                  extra={
                    <b data-testid="earnings-net" style={{ color: '#ff3141' }}>
                      {formatYuan(preview.data.netFen)}
                    </b>
                  }
                >
                  {t('earnings.net')}
                </List.Item>
              </List>
            )}
            {problem && (
              <div style={{ color: '#ff3141', fontSize: 13, marginTop: 8 }} data-testid="earnings-problem">
                {problem[lang]}
              </div>
            )}
            {request.error && (
              <div
                style={{ color: '#ff3141', fontSize: 13, marginTop: 8 }}
                data-testid="earnings-request-error"
              >
                {request.error instanceof ApiError
                  ? localizedMessage(lang, request.error)
                  : t('app.unexpectedError')}
              </div>
            )}
            <Button
              block
              color="primary"
              style={{ marginTop: 12 }}
              disabled={fen === null || !preview.data || problem !== null}
              loading={request.isPending}
              onClick={() => request.mutate()}
              data-testid="earnings-confirm"
            >
              {t('earnings.confirm')}
            </Button>
          </>
        )}
      </div>
    </Popup>
  );
}
