// Rows for migration 0360 on both engines: persons stored before a one-time password had to be changed. Every password
// stored then was one `tthc team init`, `team user add` or a reset had printed (no one could choose their own), so each
// of them, administrators and disabled persons too, must change it at their next sign-in.
export const UNIT_BEFORE_0360 = { id: 'unit', name: 'Bộ Công Thương' } as const;

export const PERSONS_BEFORE_0360 = [
  { id: 'lan', login: 'lan', fullName: 'Trần Thị Lan', roles: ['drafter'], administrator: true, disabled: false },
  { id: 'minh', login: 'minh', fullName: 'Lê Văn Minh', roles: ['drafter', 'appraiser'], administrator: false, disabled: false },
  { id: 'hoa', login: 'hoa', fullName: 'Phạm Thị Hoa', roles: ['reviewer'], administrator: false, disabled: true },
] as const;
