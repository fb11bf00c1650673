import { Button, Card, Result, Space } from 'antd-mobile';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api';
import { useLocale } from '../../locale-context';
import { H5Input } from '../../shared/h5-input';
import { formatYuan } from '../../shared/money';
import { H5Error } from '../h5-shared';
import { type PickupLookup, portalApi } from './portal-api';
import { StatusTag } from './portal-shared';

const CODE = /^\d{6}$/;

/** The parts of the Barcode Detection API used here; browsers without it leave `BarcodeDetector` undefined. */
interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorCtor {
  new (options?: { formats?: string[] }): BarcodeDetectorLike;
  getSupportedFormats?: () => Promise<string[]>;
}

function barcodeDetectorCtor(): BarcodeDetectorCtor | null {
  const ctor = (window as unknown as { BarcodeDetector?: BarcodeDetectorCtor }).BarcodeDetector;
  return typeof ctor === 'function' ? ctor : null;
}

/** Six digits from a scanned value (a bare code, or a link or text carrying one). */
export function codeFromScan(raw: string): string | null {
  const m = /(?<!\d)(\d{6})(?!\d)/.exec(raw);
  return m?.[1] ?? null;
}

/** The camera view that reads a pickup code with the browser's BarcodeDetector. */
function Scanner(props: { onCode: (code: string) => void; onFail: () => void; onStop: () => void }) {
  const { t } = useLocale();
  const videoRef = useRef<HTMLVideoElement | null>(null);
  // The callbacks change on every render of the parent; the camera must not restart with them.
  const handlers = useRef(props);
  handlers.current = props;
  useEffect(() => {
    const onCode = (code: string) => handlers.current.onCode(code);
    const onFail = () => handlers.current.onFail();
    const Ctor = barcodeDetectorCtor();
    if (!Ctor) {
      onFail();
      return;
    }
    let stream: MediaStream | null = null;
    let timer = 0;
    let stopped = false;
    const detector = new Ctor({ formats: ['qr_code', 'code_128', 'ean_13', 'ean_8', 'code_39', 'itf'] });
    const tick = async () => {
      const video = videoRef.current;
      if (stopped || !video) return;
      try {
        if (video.readyState >= 2) {
          for (const found of await detector.detect(video)) {
            const code = codeFromScan(found.rawValue);
            if (code) {
              onCode(code);
              return;
            }
          }
        }
      } catch {
        // A frame the detector cannot read: try the next one.
      }
      timer = window.setTimeout(() => void tick(), 250);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false })
      .then(async (s) => {
        stream = s;
        if (stopped || !videoRef.current) return;
        videoRef.current.srcObject = s;
        await videoRef.current.play();
        void tick();
      })
      .catch(() => onFail());
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, []);
  return (
    <div style={{ textAlign: 'center' }} data-testid="portal-scanner">
      <video
        ref={videoRef}
        muted
        playsInline
        style={{ width: '100%', maxHeight: 280, background: '#000', borderRadius: 8, objectFit: 'cover' }}
      />
      <div style={{ color: '#666', fontSize: 12, margin: '6px 0' }}>{t('portal.verify.scanning')}</div>
      <Button size="small" onClick={props.onStop}>
        {t('portal.verify.stopScan')}
      </Button>
    </div>
  );
}

/** 核销: the leader enters (or scans) the customer's pickup code, sees the goods, and confirms. */
export function VerifyTab() {
  const { t } = useLocale();
  const [code, setCode] = useState('');
  const [lookup, setLookup] = useState<PickupLookup | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const [scanning, setScanning] = useState(false);
  const [scanNote, setScanNote] = useState<string | null>(null);
  const canScan =
    barcodeDetectorCtor() !== null && typeof navigator.mediaDevices?.getUserMedia === 'function';

  function localError(message: string) {
    return new ApiError(400, { code: 'portal.verify', message, messageZh: message });
  }

  async function find(value: string) {
    const c = value.trim();
    setError(null);
    setLookup(null);
    setDone(null);
    if (!CODE.test(c)) {
      setError(localError(t('portal.verify.codeInvalid')));
      return;
    }
    setBusy(true);
    try {
      setLookup(await portalApi.pickups(c));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    if (!lookup) return;
    const points = [...new Set(lookup.items.filter((i) => i.canVerify).map((i) => i.pickupPointId))];
    setBusy(true);
    setError(null);
    try {
      let verified = 0;
      for (const point of points)
        verified += (await portalApi.verify(lookup.pickupCode, point)).orderIds.length;
      setDone(verified);
      setLookup(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  function reset() {
    setCode('');
    setLookup(null);
    setDone(null);
    setError(null);
  }

  if (done !== null) {
    return (
      <div style={{ background: '#fff', padding: 16 }}>
        <Result
          status="success"
          title={<span data-testid="portal-verify-done">{t('portal.verify.done', { n: done })}</span>}
        />
        <Button block color="primary" data-testid="portal-verify-next" onClick={reset}>
          {t('portal.verify.next')}
        </Button>
      </div>
    );
  }

  const waiting = lookup?.items.filter((i) => i.canVerify).length ?? 0;
  return (
    <div>
      <div style={{ background: '#fff', padding: 16 }}>
        <div style={{ fontWeight: 600, marginBottom: 8 }}>{t('portal.verify.code')}</div>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void find(code);
          }}
          style={{ display: 'flex', gap: 8, alignItems: 'center' }}
        >
          <div
            style={{ flex: 1, border: '1px solid #eee', borderRadius: 8, padding: '6px 10px', fontSize: 20 }}
          >
            <H5Input
              testId="portal-verify-code"
              type="tel"
              inputMode="numeric"
              maxLength={6}
              value={code}
              onChange={(v) => setCode(v.replace(/\D/g, ''))}
              placeholder={t('portal.verify.placeholder')}
            />
          </div>
          <Button type="submit" color="primary" loading={busy && !lookup} data-testid="portal-verify-lookup">
            {t('portal.verify.lookup')}
          </Button>
          {canScan && (
            <Button data-testid="portal-verify-scan" onClick={() => setScanning(true)}>
              {t('portal.verify.scan')}
            </Button>
          )}
        </form>
        {!canScan && (
          <div style={{ color: '#999', fontSize: 12, marginTop: 8 }} data-testid="portal-verify-no-scanner">
            {t('portal.verify.noScanner')}
          </div>
        )}
        {scanNote && <div style={{ color: '#999', fontSize: 12, marginTop: 8 }}>{scanNote}</div>}
        {scanning && (
          <div style={{ marginTop: 12 }}>
            <Scanner
              onCode={(c) => {
                setScanning(false);
                setCode(c);
                void find(c);
              }}
              onFail={() => {
                setScanning(false);
                setScanNote(t('portal.verify.cameraFailed'));
              }}
              onStop={() => setScanning(false)}
            />
          </div>
        )}
        {error !== null && <H5Error error={error} />}
      </div>
      {lookup && lookup.items.length === 0 && (
        <div style={{ padding: 16, color: '#999', textAlign: 'center' }} data-testid="portal-verify-nothing">
          {t('portal.verify.nothing')}
        </div>
      )}
      {lookup?.items.map((o) => (
        <Card key={o.id} style={{ margin: '8px 12px', borderRadius: 12 }} data-testid="portal-verify-order">
          <div style={{ display: 'flex', justifyContent: 'space-between' }}>
            <span style={{ fontWeight: 600 }}>
              {o.customerName ?? t('portal.customers.noName')} {o.phoneMasked}
            </span>
            <StatusTag status={o.status} />
          </div>
          <div style={{ color: '#999', fontSize: 12 }}>
            {o.campaignName} · {o.pickupPointName} · {dayjs(o.placedAt).format('MM-DD HH:mm')}
          </div>
          <Space direction="vertical" style={{ '--gap': '2px', marginTop: 6, width: '100%' }}>
            {o.lines.map((l) => (
              <div
                key={`${l.productName}|${l.spec}`}
                style={{ display: 'flex', justifyContent: 'space-between' }}
              >
                <span>
                  {l.productName} <span style={{ color: '#999', fontSize: 12 }}>{l.spec}</span>
                </span>
                <span style={{ fontWeight: 600 }}>× {l.quantity}</span>
              </div>
            ))}
          </Space>
          <div style={{ textAlign: 'right', marginTop: 4 }}>{formatYuan(o.totalFen)}</div>
        </Card>
      ))}
      {lookup && lookup.items.length > 0 && (
        <div style={{ padding: '8px 12px' }}>
          {waiting === 0 ? (
            <div style={{ color: '#999', textAlign: 'center' }} data-testid="portal-verify-not-ready">
              {t('portal.verify.notReady')}
            </div>
          ) : (
            <Button
              block
              color="danger"
              size="large"
              loading={busy}
              data-testid="portal-verify-confirm"
              onClick={() => void confirm()}
            >
              {t('portal.verify.confirm', { n: waiting })}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
