/** The org feature's row types, one per table: the only place its column names live besides the SQL. */

export interface DepartmentsRow {
  id: number;
  name: string;
  preset_key: string | null;
  description: string | null;
  created_at: string;
}

export interface RolesRow {
  id: number;
  name: string;
  preset_key: string | null;
  department_id: number | null;
  reports_to_role_id: number | null;
  description: string | null;
  workflow: string | null;
  created_at: string;
}

export interface RoleDutiesRow {
  id: number;
  role_id: number;
  position: number;
  text: string;
}

export interface MembersRow {
  id: number;
  handle: string;
  name: string;
  role_id: number | null;
  department_id: number | null;
  manager_id: number | null;
  hire_date: string | null;
  contact: string | null;
  shift: string | null;
  status: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}
