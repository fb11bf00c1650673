import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, List, NavBar, ProgressBar, Tag } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '../format';
import { leaderSelfApi, type MyTraining } from '../leader-onboarding-api';
import { useLocale } from '../locale-context';
import { H5Error, pageStyle } from './h5-shared';
import { LeaderGate, LeaderQueryError } from './leader-agreement-session';
import { Card } from './leader-apply-shared';

type Material = MyTraining['items'][number];

/** True once the element has been on screen: the reader scrolled to the article's end. */
function useSeen(ref: React.RefObject<HTMLDivElement | null>): boolean {
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || seen) return;
    if (typeof IntersectionObserver === 'undefined') {
      setSeen(true);
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setSeen(true);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, seen]);
  return seen;
}

function MaterialView({ material, onBack }: { material: Material; onBack: () => void }) {
  const { t } = useLocale();
  const queryClient = useQueryClient();
  const end = useRef<HTMLDivElement>(null);
  const readToEnd = useSeen(end);
  const [opened, setOpened] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const done = material.completedAt !== null;
  const ready = material.kind === 'article' ? readToEnd : opened;

  async function complete() {
    setBusy(true);
    setError(null);
    try {
      await leaderSelfApi.complete(material.id);
      await queryClient.invalidateQueries({ queryKey: ['leader-self'] });
      onBack();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={pageStyle} data-testid="training-material">
      <NavBar onBack={onBack}>{material.title}</NavBar>
      <Card>
        {material.kind === 'article' && material.bodyHtml !== null && (
          <div
            className="training-article"
            style={{ lineHeight: 1.7, fontSize: 15, wordBreak: 'break-word' }}
            data-testid="training-article"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: the server stores articles only as sanitized HTML (onboarding/sanitize-html.ts).
            dangerouslySetInnerHTML={{ __html: material.bodyHtml }}
          />
        )}
        {material.kind !== 'article' && material.url !== null && (
          <div>
            <div style={{ color: '#666', marginBottom: 12 }}>
              {t(material.kind === 'video' ? 'trainingH5.videoHint' : 'trainingH5.documentHint')}
            </div>
            <Button
              block
              color="primary"
              fill="outline"
              data-testid="training-open-link"
              onClick={() => {
                window.open(material.url ?? '', '_blank', 'noopener,noreferrer');
                setOpened(true);
              }}
            >
              {t('trainingH5.open')}
            </Button>
          </div>
        )}
        <div ref={end} data-testid="training-end" style={{ height: 1 }} />
      </Card>
      <div style={{ padding: 16 }}>
        {done ? (
          <div style={{ textAlign: 'center', color: '#00b578' }}>
            {t('trainingH5.doneAt', { at: formatDateTime(material.completedAt) })}
          </div>
        ) : (
          <Button
            block
            color="primary"
            size="large"
            disabled={!ready}
            loading={busy}
            onClick={() => void complete()}
            data-testid="training-complete"
          >
            {ready
              ? t(material.kind === 'article' ? 'trainingH5.confirmRead' : 'trainingH5.confirmWatched')
              : t(material.kind === 'article' ? 'trainingH5.scrollToEnd' : 'trainingH5.openFirst')}
          </Button>
        )}
        {error !== null && <H5Error error={error} />}
      </div>
    </div>
  );
}

function TrainingBody() {
  const { t } = useLocale();
  const navigate = useNavigate();
  const title = t('trainingH5.title');
  const [openId, setOpenId] = useState<string | null>(null);
  const query = useQuery({
    queryKey: ['leader-self', 'training'],
    queryFn: leaderSelfApi.training,
    retry: false,
  });
  if (query.isPending) return <div style={{ padding: 24, textAlign: 'center' }}>{t('app.loading')}</div>;
  if (query.isError) return <LeaderQueryError error={query.error} title={title} />;
  const data = query.data;
  const open = data.items.find((m) => m.id === openId);
  if (open) return <MaterialView material={open} onBack={() => setOpenId(null)} />;
  const percent = data.requiredTotal === 0 ? 100 : Math.round((data.requiredDone / data.requiredTotal) * 100);
  return (
    <div style={pageStyle} data-testid="training-page">
      <NavBar back={null}>{title}</NavBar>
      <Card>
        <div style={{ marginBottom: 8 }} data-testid="training-progress">
          {t('trainingH5.progress', { done: data.requiredDone, total: data.requiredTotal })}
        </div>
        <ProgressBar percent={percent} />
      </Card>
      <List>
        {data.items.length === 0 && <List.Item>{t('trainingH5.none')}</List.Item>}
        {data.items.map((m) => (
          <List.Item
            key={m.id}
            clickable
            onClick={() => setOpenId(m.id)}
            data-testid={`training-item-${m.id}`}
            description={t(`trainingKind.${m.kind}`)}
            extra={
              m.completedAt ? (
                <Tag color="success">{t('trainingH5.done')}</Tag>
              ) : (
                <Tag>{t('trainingH5.todo')}</Tag>
              )
            }
          >
            {m.title}{' '}
            {m.required && (
              <Tag color="danger" fill="outline">
                {t('training.required')}
              </Tag>
            )}
          </List.Item>
        ))}
      </List>
      <div style={{ padding: 16, display: 'flex', gap: 8 }}>
        <Button block onClick={() => navigate('/h5/leader/agreement')}>
          {t('trainingH5.goAgreement')}
        </Button>
        <Button block onClick={() => navigate('/h5/portal')}>
          {t('agreementH5.goPortal')}
        </Button>
      </div>
    </div>
  );
}

/** `/h5/leader/training`: the leader's training materials (培训) and what they have completed. */
export function LeaderTrainingPage() {
  const { t } = useLocale();
  return (
    <LeaderGate title={t('trainingH5.title')}>
      <TrainingBody />
    </LeaderGate>
  );
}
