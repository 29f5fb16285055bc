CREATE TABLE invoice_line (id INT PRIMARY KEY, invoice_id INT);
