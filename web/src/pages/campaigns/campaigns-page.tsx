import { useSearchParams } from 'react-router-dom';
import { CampaignDetailView } from './campaign-detail';
import { CampaignForm } from './campaign-form';
import { CampaignList } from './campaign-list';

/**
 * The campaigns section. The console has one route per menu entry, so the list, the form and the
 * detail are told apart by the query string (`?id=`, `?edit=`, `?new=1`), which keeps each view
 * linkable and the browser's back button working.
 */
export function CampaignsPage() {
  const [params, setParams] = useSearchParams();
  const id = params.get('id');
  const edit = params.get('edit');
  const go = (next: Record<string, string>) => setParams(next);

  if (params.get('new') === '1') {
    return <CampaignForm campaignId={null} onDone={(saved) => go(saved ? { id: saved } : {})} />;
  }
  if (edit) return <CampaignForm campaignId={edit} onDone={(saved) => go({ id: saved ?? edit })} />;
  if (id) return <CampaignDetailView id={id} onBack={() => go({})} onEdit={() => go({ edit: id })} />;
  return <CampaignList onOpen={(c) => go({ id: c })} onCreate={() => go({ new: '1' })} />;
}
