/** The roles of an organisation's members (issue #13); what each may do is in src/policies/ and src/casework/fields.ts. */
export const MEMBER_ROLES = ['org_admin', 'lawyer', 'caseworker', 'volunteer', 'statistics'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
