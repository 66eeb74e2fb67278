module example.com/drv

go 1.26.0
