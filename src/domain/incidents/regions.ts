/** A place as far as its regions go: a region itself, or a place that lies in one. */
interface Regional {
  readonly id: string;
  readonly kind: string;
  readonly region?: string;
  readonly formerRegion?: string;
}

/**
 * The regions a place lies in: itself if it is one, the one it lies in, and the older one its region was
 * carved out of. News written before a region was created names the older one ("Boulkessi, in the
 * Mopti region"), so both sides of a comparison count both.
 */
export function regionsOf(place: Regional): string[] {
  const regions = place.kind === 'region' ? [place.id] : [];
  // A park is an area of the region it lies in.
  if (place.region !== undefined) regions.push(place.region);
  if (place.formerRegion !== undefined) regions.push(place.formerRegion);
  return regions;
}
