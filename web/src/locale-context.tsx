import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { isLang, type Lang, type MessageKey, type MessageVars, translate } from './i18n';

const STORAGE_KEY = 'tuanflow.lang';

interface LocaleContextValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, vars?: MessageVars) => string;
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

function readStoredLang(): Lang {
  // Storage can throw in locked-down browsers; Chinese is the default either way.
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLang(stored) ? stored : 'zh';
  } catch {
    return 'zh';
  }
}

/** dayjs and the document language are global, so they are switched together with the React state. */
function applyGlobalLocale(lang: Lang): void {
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const initial = readStoredLang();
    applyGlobalLocale(initial);
    return initial;
  });

  const setLang = useCallback((next: Lang) => {
    applyGlobalLocale(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // The choice still applies to this tab when it cannot be remembered.
    }
    setLangState(next);
  }, []);

  const value = useMemo<LocaleContextValue>(
    () => ({ lang, setLang, t: (key, vars) => translate(lang, key, vars) }),
    [lang, setLang],
  );

  return (
    <LocaleContext.Provider value={value}>
      <ConfigProvider locale={lang === 'zh' ? zhCN : enUS}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </LocaleContext.Provider>
  );
}

export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale must be used inside <LocaleProvider>');
  return value;
}
