package model

// englishNames are the provinces' names in English reports.
var englishNames = map[Province]string{
	"beijing": "Beijing", "tianjin": "Tianjin", "hebei": "Hebei", "shanxi": "Shanxi",
	"neimenggu": "Inner Mongolia", "liaoning": "Liaoning", "jilin": "Jilin", "heilongjiang": "Heilongjiang",
	"shanghai": "Shanghai", "jiangsu": "Jiangsu", "zhejiang": "Zhejiang", "anhui": "Anhui",
	"fujian": "Fujian", "jiangxi": "Jiangxi", "shandong": "Shandong", "henan": "Henan",
	"hubei": "Hubei", "hunan": "Hunan", "guangdong": "Guangdong", "guangxi": "Guangxi",
	"hainan": "Hainan", "chongqing": "Chongqing", "sichuan": "Sichuan", "guizhou": "Guizhou",
	"yunnan": "Yunnan", "xizang": "Xizang", "shaanxi": "Shaanxi", "gansu": "Gansu",
	"qinghai": "Qinghai", "ningxia": "Ningxia", "xinjiang": "Xinjiang",
}

// Name returns the province's name in language l: its full Chinese name
// (湖南省) or its English one (Hunan); a slug that names no province is
// returned as it is.
func (p Province) Name(l Language) string {
	info, ok := p.Info()
	if !ok {
		return string(p)
	}
	if l == English {
		return englishNames[p]
	}
	return info.Full
}
