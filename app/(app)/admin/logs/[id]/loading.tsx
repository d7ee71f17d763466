import { DetailSkeleton } from "@/components/admin/skeletons";

export default function Loading() {
  return <DetailSkeleton />;
}
