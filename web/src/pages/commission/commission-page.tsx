import { useSearchParams } from 'react-router-dom';
import { PlanEditor } from './plan-editor';
import { PlanList } from './plan-list';

/**
 * The commission plans section (佣金方案): the list of versions, and one version's editor with its
 * live preview. Told apart by the query string (`?id=`), so each view is linkable.
 */
export function CommissionPage() {
  const [params, setParams] = useSearchParams();
  const id = params.get('id');
  if (id)
    return (
      <PlanEditor key={id} id={id} onBack={() => setParams({})} onOpen={(next) => setParams({ id: next })} />
    );
  return <PlanList onOpen={(next) => setParams({ id: next })} />;
}
