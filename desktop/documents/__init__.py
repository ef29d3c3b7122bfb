"""Outgoing and incoming documents: conversion, services, numbering."""
