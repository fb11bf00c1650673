import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useLocale } from '../locale-context';

/** Offers the other language by its own name, so a reader who cannot read the current one finds it. */
export function LangSwitch() {
  const { lang, setLang, t } = useLocale();
  const other = lang === 'zh' ? 'en' : 'zh';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      data-testid="lang-switch"
      aria-label={t('header.language')}
      onClick={() => setLang(other)}
    >
      {t(other === 'zh' ? 'app.lang.zh' : 'app.lang.en')}
    </Button>
  );
}
