import { Col, Row, Typography } from 'antd';

const preStyle = {
  margin: 0,
  padding: 12,
  background: 'rgba(0, 0, 0, 0.03)',
  borderRadius: 6,
  fontSize: 12,
  maxHeight: 360,
  overflow: 'auto',
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-all',
} as const;

/** Pretty-printed JSON; `null`/absent shows as a dash, since "nothing" is a meaningful before-state. */
export function JsonBlock({ value }: { value: unknown }) {
  return (
    <pre style={preStyle}>{value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}</pre>
  );
}

/** Two JSON documents side by side, for reading what a change did. */
export function JsonSideBySide({
  left,
  right,
  leftTitle,
  rightTitle,
}: {
  left: unknown;
  right: unknown;
  leftTitle: string;
  rightTitle: string;
}) {
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Typography.Text strong>{leftTitle}</Typography.Text>
        <JsonBlock value={left} />
      </Col>
      <Col xs={24} md={12}>
        <Typography.Text strong>{rightTitle}</Typography.Text>
        <JsonBlock value={right} />
      </Col>
    </Row>
  );
}
