import { Button } from 'antd-mobile';
import { forwardRef, type PointerEvent, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useLocale } from '../locale-context';

export interface SignaturePadHandle {
  /** The drawing as a PNG data URL, or null while nothing has been drawn. */
  toDataUrl: () => string | null;
  clear: () => void;
}

const HEIGHT = 180;
/** Sharp enough on a phone, small enough for the server's size limit (a signature is 10-60 KB). */
const MAX_SCALE = 2;

/**
 * A canvas to sign on with a finger or a mouse (手写签名). Pointer events cover both; the canvas
 * keeps a transparent background so the stored PNG is the ink alone.
 */
export const SignaturePad = forwardRef<SignaturePadHandle, { onChange?: (drawn: boolean) => void }>(
  function SignaturePad({ onChange }, ref) {
    const { t } = useLocale();
    const canvasRef = useRef<HTMLCanvasElement>(null);
    const last = useRef<{ x: number; y: number } | null>(null);
    const [strokes, setStrokes] = useState(0);

    useEffect(() => {
      const canvas = canvasRef.current;
      if (!canvas) return;
      const scale = Math.min(window.devicePixelRatio || 1, MAX_SCALE);
      const width = canvas.clientWidth || 320;
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(HEIGHT * scale);
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      ctx.scale(scale, scale);
      ctx.lineWidth = 2.5;
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      ctx.strokeStyle = '#111';
    }, []);

    const clear = () => {
      const canvas = canvasRef.current;
      const ctx = canvas?.getContext('2d');
      if (canvas && ctx) {
        ctx.save();
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        ctx.clearRect(0, 0, canvas.width, canvas.height);
        ctx.restore();
      }
      setStrokes(0);
      onChange?.(false);
    };

    useImperativeHandle(ref, () => ({
      toDataUrl: () => (strokes > 0 && canvasRef.current ? canvasRef.current.toDataURL('image/png') : null),
      clear,
    }));

    const point = (e: PointerEvent<HTMLCanvasElement>) => {
      const rect = e.currentTarget.getBoundingClientRect();
      return { x: e.clientX - rect.left, y: e.clientY - rect.top };
    };

    return (
      <div>
        <canvas
          ref={canvasRef}
          data-testid="signature-pad"
          style={{
            width: '100%',
            height: HEIGHT,
            border: '1px dashed #bbb',
            borderRadius: 8,
            background: '#fafafa',
            touchAction: 'none',
            display: 'block',
          }}
          onPointerDown={(e) => {
            e.currentTarget.setPointerCapture(e.pointerId);
            last.current = point(e);
            const ctx = e.currentTarget.getContext('2d');
            if (ctx) {
              // A dot, so a tap leaves a mark too.
              ctx.beginPath();
              ctx.arc(last.current.x, last.current.y, 1.2, 0, Math.PI * 2);
              ctx.fillStyle = '#111';
              ctx.fill();
            }
          }}
          onPointerMove={(e) => {
            const from = last.current;
            if (!from) return;
            const to = point(e);
            const ctx = e.currentTarget.getContext('2d');
            if (!ctx) return;
            ctx.beginPath();
            ctx.moveTo(from.x, from.y);
            ctx.lineTo(to.x, to.y);
            ctx.stroke();
            last.current = to;
          }}
          onPointerUp={() => {
            if (!last.current) return;
            last.current = null;
            setStrokes((n) => n + 1);
            onChange?.(true);
          }}
          onPointerCancel={() => {
            last.current = null;
          }}
        />
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: 4 }}>
          <span style={{ color: '#999', fontSize: 12 }}>{t('agreementH5.signHere')}</span>
          <Button size="mini" fill="outline" data-testid="signature-clear" onClick={clear}>
            {t('agreementH5.clear')}
          </Button>
        </div>
      </div>
    );
  },
);
