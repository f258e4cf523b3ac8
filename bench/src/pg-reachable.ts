/** Does a PostgreSQL server answer at `url` within two seconds? (The benches that need one skip without it.) */
import pg from "pg";

export const pgReachable = async (url: string): Promise<boolean> => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
};
