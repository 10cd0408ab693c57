-- The list's sorts by customer and by title (README, "Benchmarks": lists at scale): without an index, a page of a
-- million contracts sorted by customer name reads and sorts them all (over a second); with one, it reads a page.
create index contract_customer_name_idx on contract (customer_name, id);
create index contract_title_idx on contract (title, id);
