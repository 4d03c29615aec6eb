"""The Renja Perubahan's writes (creating it from the ditetapkan murni, revised budgets); its
pages and tables are ``evaluasi``'s."""
