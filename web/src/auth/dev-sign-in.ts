/** The local host's dev sign-in: the seeded directory, and a token for the person picked. */
export interface DirectoryEntry {
  userId: string;
  name: string;
  role: string;
  department?: string;
}

export async function devDirectory(): Promise<DirectoryEntry[]> {
  const response = await fetch('/dev/directory');
  if (!response.ok) throw new Error(`/dev/directory: HTTP ${response.status}`);
  return ((await response.json()) as { staff: DirectoryEntry[] }).staff;
}

export async function devToken(entry: DirectoryEntry): Promise<string> {
  const response = await fetch('/dev/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: entry.userId, role: entry.role, department: entry.department }),
  });
  const body = (await response.json()) as { token?: string; fieldErrors?: { message: string }[] };
  if (!body.token)
    throw new Error(body.fieldErrors?.map((e) => e.message).join(', ') ?? `HTTP ${response.status}`);
  return body.token;
}
