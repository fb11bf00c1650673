import { Button, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useLocale } from '../locale-context';

interface FormModalProps {
  title: ReactNode;
  submitting: boolean;
  /** Test id of the OK button, which antd's own footer gives no way to set. */
  submitTestId: string;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}

/**
 * A modal around a form. It is mounted only while open, so every opening starts from a fresh form
 * and no stale server error lingers under a field.
 */
export function FormModal({ title, submitting, submitTestId, onSubmit, onCancel, children }: FormModalProps) {
  const { t } = useLocale();
  return (
    <Modal
      open
      title={title}
      onCancel={onCancel}
      mask={{ closable: !submitting }}
      footer={[
        <Button key="cancel" onClick={onCancel} disabled={submitting}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="submit"
          type="primary"
          loading={submitting}
          onClick={onSubmit}
          data-testid={submitTestId}
        >
          {t('common.ok')}
        </Button>,
      ]}
    >
      {children}
    </Modal>
  );
}
