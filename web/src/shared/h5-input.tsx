/**
 * The one text input of the H5 pages (storefront, leader application and agreement, leader portal):
 * a plain input styled like antd-mobile's, so that the test id and the browser's autofill hints sit
 * on the input itself (antd-mobile's own Input puts them on a wrapper).
 */
export function H5Input(props: {
  testId: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  type?: 'text' | 'tel' | 'password';
  /** The phone keyboard to open: `numeric` for codes and amounts. */
  inputMode?: 'text' | 'numeric' | 'decimal' | 'tel';
  maxLength?: number;
  autoComplete?: string;
}) {
  return (
    <div className="adm-input">
      <input
        className="adm-input-element"
        data-testid={props.testId}
        type={props.type ?? 'text'}
        inputMode={props.inputMode}
        value={props.value}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        autoComplete={props.autoComplete}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}
