/**
 * The story order the dashboard and the report share: every panel names the group it belongs to,
 * and both list the groups in this order. Adding a panel only sets its `group`; nothing else lists
 * panels by group.
 */
export const PANEL_GROUPS = [
	{ id: 'overview', label: 'Overview' },
	{ id: 'sales', label: 'Sales' },
	{ id: 'products', label: 'Products and markets' },
	{ id: 'customers', label: 'Customers' },
	{ id: 'value', label: 'Value' },
	{ id: 'churn', label: 'Churn and engagement' },
	{ id: 'cohorts', label: 'Cohorts' },
	{ id: 'quality', label: 'Quality' },
	{ id: 'insights', label: 'Insights' }
] as const;

export type PanelGroup = (typeof PANEL_GROUPS)[number]['id'];

/**
 * The element id of a group's section, on the dashboard and in the HTML report. Prefixed because
 * some groups share their name with a panel (`#churn` is the churn panel, `#section-churn` the group).
 */
export const groupAnchor = (group: PanelGroup) => `section-${group}`;

export function groupLabel(group: PanelGroup): string {
	return PANEL_GROUPS.find((g) => g.id === group)!.label;
}

/** `items` in group order, keeping their own order within a group (a stable sort). */
export function inGroupOrder<T extends { group: PanelGroup }>(items: readonly T[]): T[] {
	const rank = (g: PanelGroup) => PANEL_GROUPS.findIndex((x) => x.id === g);
	return [...items].sort((a, b) => rank(a.group) - rank(b.group));
}

/** The groups that have at least one of `items`, in order, each with its items. */
export function byGroup<T extends { group: PanelGroup }>(items: readonly T[]): { group: PanelGroup; label: string; items: T[] }[] {
	return PANEL_GROUPS.map((g) => ({ group: g.id as PanelGroup, label: g.label as string, items: items.filter((x) => x.group === g.id) })).filter((g) => g.items.length > 0);
}
