/** The version marks shown after an API name: "3.11+" for what the oldest supported Python lacks, "deprecated 3.14". */
import { compareVersions, featureRelease } from './versions';

/** The oldest Python the site's advice supports: APIs added after it get a version mark. */
export const OLDEST_SUPPORTED_PYTHON = '3.10';

export interface VersionFacts {
  added?: string | undefined;
  deprecated?: string | undefined;
  removal?: string | undefined;
}

export interface VersionMark {
  /** The release that added the API, when it is newer than the oldest supported one. */
  since?: string;
  /** Deprecated since this release. */
  deprecated?: string;
  /** Removed in this release, for a deprecated API the docs say so of. */
  removal?: string;
}

/** The "X.Y" part of a docs version such as `3.4.2`: a mark names feature releases. */

/** What to show after an API name, or undefined when it needs no mark. */
export function versionMark(facts: VersionFacts, oldest = OLDEST_SUPPORTED_PYTHON): VersionMark | undefined {
  const since =
    facts.added !== undefined && compareVersions(facts.added, oldest) > 0 ? featureRelease(facts.added) : undefined;
  const deprecated = facts.deprecated === undefined ? undefined : featureRelease(facts.deprecated);
  if (since === undefined && deprecated === undefined) return undefined;
  return {
    ...(since === undefined ? {} : { since }),
    ...(deprecated === undefined ? {} : { deprecated }),
    ...(deprecated !== undefined && facts.removal !== undefined ? { removal: featureRelease(facts.removal) } : {}),
  };
}

/** The mark as readers (and screen readers) read it. */
export function markText(mark: VersionMark): string {
  const parts = [
    mark.since === undefined ? undefined : `${mark.since}+`,
    mark.deprecated === undefined ? undefined : `deprecated ${mark.deprecated}`,
    mark.removal === undefined ? undefined : `removed in ${mark.removal}`,
  ];
  return parts.filter((part) => part !== undefined).join(', ');
}
