import { LogsSkeleton } from "@/components/admin/skeletons";

export default function Loading() {
  return <LogsSkeleton />;
}
