"""Staff roster (pegawai). Models arrive with the kepegawaian issue."""
