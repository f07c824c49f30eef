# python
