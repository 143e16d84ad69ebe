import { SharePanel } from "@/components/share/share-panel";

// The owner's sharing controls. ReportView mounts this inside <div id="share-panel"> on the owner's page only,
// never on the read-only share page.
export function ShareSlot({ experimentId }: { experimentId: string }) {
  return <SharePanel experimentId={experimentId} />;
}
