import { App as AntApp } from 'antd';
import { useCallback } from 'react';
import { ApiError } from './api';
import { localizedMessage } from './i18n';
import { useLocale } from './locale-context';

/**
 * The form field a server error names, if the form has it. The server names fields by where they sit
 * in the request (`body.username`, `query.page`); a form only knows the last part.
 */
export function formFieldOf<F extends string>(error: ApiError, fields: readonly F[]): F | null {
  if (!error.field) return null;
  const name = error.field.replace(/^(body|query|params)\./, '');
  return fields.find((field) => field === name) ?? null;
}

/** Where a form wants field errors: the fields it has, and how to show an error under one. */
export interface FieldErrorTarget<F extends string> {
  fields: readonly F[];
  show: (field: F, text: string) => void;
}

/** The usual target: an antd form, whose field named by the server shows the message under it. */
export function formTarget<F extends string>(
  form: { setFields: (fields: { name: F; errors: string[] }[]) => void },
  fields: readonly F[],
): FieldErrorTarget<F> {
  return { fields, show: (name, text) => form.setFields([{ name, errors: [text] }]) };
}

/**
 * Reports a failed request in the reader's language: under the form field it concerns when there is
 * one, otherwise as a toast.
 */
export function useReportError() {
  const { message } = AntApp.useApp();
  const { lang, t } = useLocale();
  return useCallback(
    <F extends string>(error: unknown, target?: FieldErrorTarget<F>) => {
      if (!(error instanceof ApiError)) {
        message.error(t('app.unexpectedError'));
        return;
      }
      // A 401 is already handled globally by sending the user to the login page.
      if (error.status === 401) return;
      const text = localizedMessage(lang, error);
      const field = target ? formFieldOf(error, target.fields) : null;
      if (target && field) target.show(field, text);
      else message.error(text);
    },
    [message, lang, t],
  );
}
