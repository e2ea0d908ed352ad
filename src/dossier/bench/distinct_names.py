"""Constructed distinct names: siblings and namesakes that must never merge on their own.

The OFAC development pairs show few of the names a matcher confuses: siblings
(one middle name and surname, other given names) and people with one given name
whose surnames are other family names spelled a letter or a vowel apart. Here
the lists are written in the code, common names of many languages, constructed
for the audit (nothing is taken from the reference data). Each entry is one
name; spellings of that one name are joined by a slash ("Ahmad/Ahmed"), and
entries that share a spelling are one name too.

Two names of different entries must never auto-merge: every pair of given
names is compared as siblings ("<given> Darvelli Kostun") and every pair of
surnames as namesakes ("Darvel Kosti <surname>"), each by the strict rule
(``matching.compare_full``, what the strong tier decides for two full names in
two documents). A pair the rule leaves to a human is counted as pending. The
spellings of one entry are compared too, for what they show of recall (they
need not merge: a human may have to say).

Run: ``python -m dossier.bench.distinct_names`` (also part of the resolution bench).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

# Given names by language. "/" joins spellings of one name.
GIVEN_NAMES: dict[str, str] = {
    "Arabic": """
        Ahmad/Ahmed Mohammed/Mohammad/Muhammad/Mohamed/Mohamad Mahmoud/Mahmud/Mohamud
        Mustafa/Mostafa Hassan/Hasan Hussein/Husain/Hussain/Hossein/Husayn Hosni/Husni Ali
        Alia/Aliya Omar/Umar/Oumar Amer/Aamer Ammar Amir/Ameer Amira/Ameera Amin/Ameen
        Amina/Aminah Anwar/Enver Asad/Asaad Asma/Asmaa Aziz Aziza Badr/Bader Bashir/Basheer
        Bashar Basma Bassem/Basem/Basim Fadi/Fady Fadia Farid/Fareed Farida Farah Fares/Faris
        Fatima/Fatma/Fatemeh Faisal/Faysal Fawzi/Fawzy Ghassan Hadi/Hady Hadia Hala
        Hana/Hanaa Hani/Hany Hamid/Hameed Hamza/Hamzah Haytham/Haitham Hisham Ibrahim/Ibraheem
        Imad/Emad Iman/Eman Isa/Issa/Eisa Ismail/Esmail/Ismael Jamal/Gamal Jamil/Jameel
        Jamila/Jameela Jihad Karim/Kareem Karima Kamal Kamil/Kamel Khalid/Khaled Khalida Khalil
        Laila/Layla/Leila Lina Maha Mahdi/Mehdi Majid/Majed Majida Malik/Malek Malika
        Maryam/Mariam Mazen/Mazin Mona/Muna Munir/Mounir Nabil/Nabeel Nabila Nadia/Nadiya
        Nadir Nadira Nasser/Nasir Nasr Nour/Nur Nuri/Nouri Osama/Usama Othman/Osman/Usman
        Qasim/Kasim/Gasim/Qassem/Kassem Kazim/Kazem/Kadhim Rami/Ramy Rania Rashid/Rasheed
        Rashad Rashida Riad/Riyad Saad Said/Saeed Sayed/Sayyid/Seyed Saida Salim/Saleem
        Salma/Selma Samir/Sameer Samira Samar Samer Sami/Samy Samia Suha Suhail/Sohail/Soheil
        Tamer Tarek/Tariq/Tarik Waleed/Walid Wael Yasin/Yassin Yasmin/Yasmine
        Yusuf/Yousef/Yosef/Youssef Zahra Zahir/Zaher Zaid/Zeid Zayed Zain/Zein Zaina/Zeina
        Ziad/Ziyad Zakaria/Zakariya Salah Saleh/Salih Rafiq/Rafik Tawfiq/Tawfik Sharif/Sherif
        Ayman Adnan Marwan Nizar
        Raed Raja Rasha Reem Ruba Dalia Lubna Nawal Huda Samiha Wafa
    """,
    "Persian": """
        Reza Mohsen/Muhsin Morteza/Murtaza Mojtaba/Mujtaba Abbas Javad/Jawad Jafar/Jaafar
        Kaveh Babak Behnam Behrouz/Behruz Bahram Bijan/Bizhan Dariush/Daryush Farhad Farshid
        Farzad Farzaneh Fereshteh Golnar Hamed Iraj Kamran Kourosh/Kurosh
        Manouchehr/Manuchehr Masoud/Masud/Massoud Mehran Mehrdad Mina Mitra Nasrin/Nasreen
        Omid/Umid Parisa Parviz/Parvez Payam Pouya/Puya Ramin Roya Saman Sara/Sarah Shahram
        Shahin/Shaheen Shirin Siavash/Siavosh Vahid/Wahid Ahmadreza Alireza Mohammadreza
        Hamidreza Gholamreza Ebrahim Esmaeil Ghasem Heidar/Haidar/Haider Naser Shahriar
        Arash Arman Azadeh Bahar Darya Elham Leyla Mahnaz Maryam Nazanin Niloufar/Nilufar
        Parvaneh Shadi Soraya Taraneh Yasaman Zohreh
    """,
    "Turkic": """
        Mehmet/Mehmed Ahmet Huseyin Yusuf Murat Marat Emre Burak Cem Deniz Ece Elif Emine
        Gul Hakan Kemal Kerem Levent Mert Oguz Omer Orhan Selim Serkan Sinan Tolga Tuncay
        Volkan Zeynep Ilham Elchin/Elcin Elnur Ramil Rovshan/Ravshan Vugar Zaur Tural Aysel
        Gunay Nursultan Kassym/Kasym Askar/Asqar Aidos Aidar Bauyrzhan/Baurzhan Daulet
        Erlan/Yerlan Ermek/Yermek Galym/Galim Kairat/Qairat Nurlan Rakhat/Rahat Serik Talgat
        Timur Zhanbolat/Janbolat Aigerim Aizhan/Ayzhan Dinara Gulnara Saule Zhanar Alisher
        Bakhtiyor/Bakhtiyar Dilshod/Dilshad Farrukh/Farruh Jasur Rustam Sardor/Sardar
        Shavkat/Shaukat Sherzod/Sherzad Ulugbek/Ulughbek Zafar Aibek/Aybek Almaz Bolat/Bulat
        Dauren Erbol/Yerbol Kanat/Qanat Marlen Nurbek Azamat Bekzat Asylbek Chinara Cholpon
        Aynur Gulshan Sevda Turan Ugur Umut Yavuz Baris Ozan Kaan Erdem Eren Onur Sibel
    """,
    "Slavic": """
        Aleksandr/Alexander/Oleksandr/Aliaksandr Aleksei/Alexey/Oleksiy Anatoly/Anatolii
        Andrei/Andrey/Andriy Anton Artem/Artyom Boris Bogdan/Bohdan Denis Dmitry/Dmitri/Dmytro
        Evgeny/Yevgeny/Yevhen Fedor/Fyodor Gennady/Hennadiy Georgy/Heorhiy Grigory/Hryhoriy
        Igor/Ihor Egor/Yegor Ilya Ivan Kirill Konstantin Leonid Maksim/Maxim Mikhail/Mykhailo
        Nikolai/Nikolay/Mykola Oleg/Oleh Pavel/Pavlo Petr/Pyotr/Petro Roman Ruslan Stanislav
        Stepan Taras Vadim/Vadym Valery/Valeriy Vasily/Vasyl Viktor/Victor Vitaly/Vitaliy
        Vladimir/Volodymyr/Uladzimir Vladislav Vyacheslav Yaroslav Yuri/Yury/Yuriy Alyona
        Elena/Yelena/Olena/Jelena Ekaterina/Yekaterina/Kateryna Galina/Halyna Irina/Iryna
        Lyudmila/Ludmila Marina Natalia/Natalya/Nataliya Nadezhda Oksana Olga/Olha Svetlana
        Tatiana/Tatyana/Tetiana Valentina Vera Yulia/Yuliya Zoya Daria/Darya Krzysztof Piotr
        Pawel Tomasz Marek Jakub Wojciech Zbigniew Milan Milos/Milosh Dragan Goran Zoran Nenad
        Dusan/Dushan Branko Slobodan Vesna Mirjana Ljiljana Marija Boguslaw Miroslav Radoslav
        Bozidar Dejan Stefan Mira Milena Ivana Dana Dina Inna Lena Lina Alina Nina Tamara Rita
    """,
    "Spanish and Portuguese": """
        Alejandro Alberto Alfonso/Afonso Andres Antonio Antonia Carlos Carla Cesar Cristina
        Daniel Diego Eduardo Enrique/Henrique Ernesto Esteban Felipe/Filipe Fernando Francisco
        Gabriel Gonzalo/Goncalo Guillermo Gustavo Ignacio Javier/Xavier Jesus Joaquin/Joaquim
        Jorge Jose Josefa Juan Julio Luis/Luiz Luisa/Luiza Manuel Marcos Maria Mario Marta
        Miguel Pablo Paulo Pedro Rafael Ramon Raul Ricardo Roberto Rodrigo Rosa Salvador
        Santiago Sergio Tomas Vicente Beatriz Carmen Dolores Fernanda Gabriela Ines Isabel
        Juana Lucia Mercedes Pilar Silvia Sofia Teresa Ximena/Jimena Joao Goncalves Mateus
        Thiago/Tiago Vinicius Leandro Adriana Mariana Renata Camila Larissa Claudia Elisa Elsa
    """,
    "West African": """
        Adewale Adebayo Ayodele Babatunde Folake Funmilayo Kehinde Taiwo Olumide Oluwaseun
        Temitope Tunde Chukwuemeka Chinedu Chidi Emeka Ifeanyi Ngozi Nnamdi Obinna Uchenna
        Chioma Adaeze Kelechi Abubakar/Aboubakar Aminu Bello Danladi Garba Musa/Moussa Sani
        Shehu Yakubu Aisha/Aicha/Ayesha Hauwa Zainab/Zeinab Kofi Kwame Kwabena Kwaku Kojo/Kodjo
        Yaw Kwesi/Kweku Ama Akosua Abena Adwoa Afua Esi Mamadou/Mamadu Ousmane
        Souleymane/Sulaiman/Suleiman Seydou Boubacar Cheikh Modou Lamine Babacar Ibrahima Aliou
        Fatou Awa Mariama Aminata Kadiatou Ndeye Binta Coumba Oumou Sekou Mamady Alpha Amadou
        Issa Salif Adama Bakary Lassana Moctar/Mokhtar Oumarou Yacouba Drissa Fanta Rokia
    """,
    "East African": """
        Abdi Abdullahi/Abdillahi Abdirahman/Abdurahman Ayaan Fartun Hodan Hawa Ilhan Jama
        Khadija Liban Mahad Muse Nimco Qali Sahra Warsame Zamzam Abebe Alemayehu Berhane/Birhane
        Dawit Girma Haile Kebede Mekonnen Mulugeta Negash Selam Tadesse Tesfaye Tewodros
        Tsegaye Yohannes Abeba Almaz Meron Tigist Genet Baraka Juma Jabari Imani Neema Rehema
        Amani Wanjiru Wambui Njeri Kamau Otieno Ochieng Odhiambo Onyango Kiprono Kipchoge
        Chebet Achieng Akinyi Mwangi Waweru Musoke Mugisha Halima Asha Zuberi Bakari Hamisi
    """,
    "South Asian": """
        Amit Anil Arjun Ashok Deepak/Dipak Ganesh Gopal Harish Krishna Manoj Mukesh
        Naveen/Navin Rahul Rajesh Rakesh Ramesh Ravi Sanjay Sunil Suresh Vijay Vikram Vinod
        Anita Deepa Kavita Lakshmi Meena Pooja/Puja Priya Rekha Sita Sunita Usha Imran Irfan
        Asif Zubair Shahid Waqar Naveed/Navid Nadeem/Nadim Arshad Javed/Javaid Junaid Kashif
        Bilal Sajid Zahid Shoaib Samina Gurpreet Harpreet Manpreet Jaswinder Baljit Amarjit
        Balwinder Harjit/Harjeet Kuldeep/Kuldip Ranjit/Ranjeet Sukhwinder Anisur Habibur
        Mizanur Shafiqul Rahim Sumon Tanvir Sabbir Shakil/Shakeel Arun Karthik Murugan Senthil
        Selvam Kumar Ganesan Velu Anbu Lakshman/Laxman Ajay Anand Ashish Dinesh Hemant Kiran
        Mahesh Nitin Prakash Rajiv Sachin Sandeep Sanjeev Sudhir Vivek Nisha Neha Radha Shanti
    """,
    "Chinese, Korean and Vietnamese": """
        Wei Wen Ming Hong Hua Jun Jian Lei Long Yan Yang Ying Yong Hui Fang Feng Gang Hai Jie
        Jing Jin Lan Li Lin Mei Na Ning Ping Qiang Qing Tao Xia Xiao Xin Yu Yun Zhen Zhi
        Xiaoming Jianguo Zhiwei Xiaoli Haitao Jianhua Weidong Minjun Seoyeon Jihoon/Jihun
        Hyunwoo Sungmin Youngsoo/Yongsu Jaehyun Donghyun Eunji Hyejin Soojin/Sujin Kyungsoo
        Jinwoo Sanghoon Joonho Chol Anh Bao Binh Chau Cuong Dung Duc Dat Hanh Hieu Hoa Hoang
        Hung Huong Huy Khanh Khoa Linh Minh Nam Nga Ngoc Nhung Phong Phuong Quang Quynh Son Tam
        Thanh Thao Thu Thuy Tien Trang Trung Tuan Tung Van Viet Vinh Xuan Yen
    """,
    "one name in several languages": """
        Ahmad/Ahmet Mohammed/Mehmet/Mehmed Qasim/Ghasem/Kassym/Kasym Laila/Leyla
        Nasser/Naser Omar/Omer Ibrahim/Ebrahim Ismail/Esmaeil Hussein/Huseyin Zainab/Zeynep
        Hawa/Hauwa Bakari/Bakary Petr/Piotr/Peter Pavel/Pawel/Paulo Mikhail/Michael/Michel
        Maria/Marija Sofia/Sophia Tomas/Tomasz/Thomas Hui/Huy Michael/Miguel Ali/Aliou
        Meena/Mina Carl/Carlo Robert/Roberto Francesco/Francisco Abubakar/Babacar/Boubacar
    """,
    "European": """
        Adam Ada Aidan Alan Helen Anna/Ana Anne Carlo Celia Cecilia Emil/Emile Emilia Emily
        Amelia Erik/Eric Erika Eva Evan Ella Ellie Jamie Jan Jana Jon/John Joan Joanna Laura
        Lora Louise Mark/Marko/Marco Marie Paula Paolo Peter Petra Sophia Sonia/Sonya Giuseppe
        Giovanni Luca Matteo Francesco Francesca Giulia Chiara Alessandro Lorenzo Pierre Jean
        Jacques Michel Philippe Francois Nicolas Laurent Olivier Julien Sophie Camille Hans
        Klaus Jurgen Wolfgang Dieter Uwe Heinz Karl/Carl James Robert Michael William Richard
        Thomas Mary Elizabeth Susan Ingrid Astrid Lars Sven Nils Anders
    """,
}

# Surnames by language, the same way.
SURNAMES: dict[str, str] = {
    "Arabic": """
        Abbas Abbasi Ahmadi Ahmed Alavi Alawi Amini Amin Ansari Asadi Azizi Bakr Bakri
        Darwish/Dervish Farah Farhat Fayad/Fayyad Ghanem/Ghanim Habib Habibi Haddad/Hadad
        Hamdan Hamdi Hamid Hamidi Hassan Hassani/Hasani Hussein Husseini/Hosseini
        Ibrahim Ibrahimi Jaber/Jabir Jabri Kadri/Qadri Kamal Kamali Karimi Karim Kazemi/Kazimi
        Khalil Khalili Khan Khani Mahmoud Mahmoudi Mansour Mansouri Masri/Misri
        Mousavi/Musavi Nasser Nassar Nasr Nasri Omar Omari Qasim Qasimi/Ghasemi/Qasemi Rahman
        Rahmani Rashid Rashidi Saleh/Salih Salehi Samir Sami Shah Shahi Sharif Sharifi
        Tahir/Taher Yousef Yousefi Zaki Zakir Zaidi Saidi Said Sayed Haddadin Tamimi Otaibi
        Qahtani Shammari Harbi Dosari Mutairi Ghamdi Zahrani Shehri Suleiman Barghouti
        Khatib Najjar Sabbagh Hallak Kassab Akkad Attar Jaziri Tikriti Baghdadi Halabi
    """,
    "Persian": """
        Rezaei/Rezaee Mohammadi Hashemi Jafari/Jaafari Rahimi Heidari/Haidari Sadeghi/Sadeqi
        Moradi Rostami Ebrahimi Bagheri/Baqeri Hosseinzadeh Akbari Tehrani Shirazi
        Esfahani/Isfahani Zarif Larijani Khamenei Rouhani/Rohani Velayati Nikbakht Mirzaei
        Ghorbani Soleimani Navabi Safavi Kashani Tabrizi Rafsanjani Jalili Araghchi Zanganeh
        Salehi Nouri Mahdavi Mehdizadeh Najafi Karbasi
    """,
    "Turkic": """
        Yilmaz Kaya Demir Sahin Celik Yildiz Yildirim Ozturk Aydin Ozdemir Arslan Dogan Kilic
        Aslan Cetin Kara Koc Kurt Ozkan Simsek Polat Erdogan Korkmaz Ozcan Cakir Aksoy Tekin
        Kaplan Aliyev/Aliev Mammadov/Mamedov Hasanov/Gasanov Huseynov/Guseynov Guliyev/Quliyev
        Ismayilov/Ismailov Abbasov Babayev Jafarov/Cafarov Rzayev Karimov/Kerimov Mustafayev
        Hajiyev/Gadzhiev Nazarbayev Tokayev Akhmetov Iskakov Kassymov Nurpeisov Ospanov
        Suleimenov Zhakenov Abenov Dosanov Kuanyshev Mirziyoyev Usmanov Yusupov
        Rakhimov/Rahimov Abdullaev/Abdullayev Sultanov Khodjaev/Khodzhaev Azimov
        Kadyrov/Kadirov Aripov Ergashev Tursunov Nazarov Rahmonov Kulibayev Turlov
        Masimov Tasmagambetov Kelimbetov Shukeyev Akayev Bakiyev Atambayev Japarov
    """,
    "Slavic": """
        Ivanov Petrov Sidorov Smirnov Kuznetsov Popov Vasiliev/Vasilyev Sokolov Mikhailov
        Novikov Fedorov/Fyodorov Morozov Volkov Alekseev/Alexeyev Lebedev Semenov/Semyonov
        Egorov/Yegorov Pavlov Kozlov Stepanov Nikolaev/Nikolayev Orlov Andreev/Andreyev
        Makarov Zakharov Zaitsev/Zaytsev Solovyov/Soloviev Borisov Yakovlev Grigoriev Romanov
        Vorobyov Sergeev Frolov Belov Tarasov Belousov Kovalenko Shevchenko Bondarenko
        Tkachenko Kravchenko Oliynyk/Oleinik Melnyk/Melnik Boyko/Boiko Kovalchuk Savchenko
        Rudenko Lysenko Marchenko Moroz Kowalski Nowak/Novak Wisniewski Wojcik Kaminski
        Lewandowski Zielinski Szymanski Wozniak Dabrowski Horvat Kovacevic Babic Maric
        Jovanovic Petrovic Nikolic Markovic Djordjevic/Dordevic Stojanovic Ilic Pavlovic
        Milosevic Popovic Kovac Kovalev/Kovalyov Ivanenko Petrenko Nazarenko Petrovich Horvath
    """,
    "Spanish and Portuguese": """
        Garcia Rodriguez/Rodrigues Martinez Hernandez/Fernandez/Fernandes Lopez/Lopes
        Gonzalez/Gonzales Perez/Peres Sanchez Ramirez Torres Flores Rivera Gomez/Gomes Diaz/Dias
        Reyes Morales Cruz Ortiz Gutierrez Chavez Ramos Ruiz Alvarez/Alves Mendoza Castillo
        Jimenez Moreno Romero Herrera Medina Aguilar Vargas Castro Guzman Munoz Rojas Silva
        Santos Souza/Sousa Oliveira Pereira Costa Acosta Carvalho Almeida Ferreira Ribeiro
        Martins Araujo Barbosa Lima Cardoso Teixeira Moura Mendes Nunes Soares Vieira Monteiro
        Correia Pinto Marques Machado Fonseca Batista Freitas Melo Goncalves Garza
    """,
    "West African": """
        Diallo Diaby Traore Toure Keita Kone Konate Camara/Kamara Cisse Coulibaly/Kulibali
        Sissoko Sangare Sylla Barry Bah Sow Ndiaye Diop Fall Faye Gueye Mbaye Sarr Seck Thiam
        Wade Mensah/Mensa Owusu Boateng Appiah Osei Agyeman Darko Addo Adjei Okafor Okoro
        Okonkwo Eze Nwosu Obi Chukwu Onyeka Nwachukwu Adeyemi Adeyemo Adebayo Ogunleye
        Oladipo Bello Abubakar Danjuma Musa Sani Conte Dembele Doumbia Fofana Sidibe Kante
        Bamba Ouattara Kaboré Sawadogo Ouedraogo
    """,
    "East African": """
        Mohamud/Mahmoud Mohamed Abdi Abdullahi/Abdillahi Ali Alli Warsame Jama Hersi Osman Egal
        Aden/Adan Yusuf Yusuff Ismail Dahir Duale Gedi Hirsi Mire Nur Samatar Shire Tadesse
        Bekele Tesfaye Girma Kebede Haile Gebre Desta Abebe Alemu Getachew Mekonnen
        Woldemariam Tekle Assefa Negash Kamau Mwangi Otieno Ochieng Odhiambo Onyango Kiprono
        Kipchoge Kimani Njoroge Wanjiku Kariuki Omondi Chebet Ruto Kenyatta Odinga Museveni
        Okello Mugisha Byaruhanga Tumusiime Ssemakula Nsubuga Magufuli Kikwete Mwinyi
    """,
    "South Asian": """
        Sharma Verma Gupta Singh Kumar Patel Mehta Joshi Reddy Rao Nair Menon Iyer Pillai
        Agarwal/Aggarwal Bansal Chopra Kapoor/Kapur Khanna Malhotra Mishra Pandey Tiwari Yadav
        Chauhan Thakur Desai Jain Bhat/Bhatt Das Dutta/Datta Ghosh Bose/Basu Chatterjee
        Banerjee Mukherjee Sen Roy Chowdhury/Choudhury Qureshi Siddiqui/Siddiqi Malik Chaudhry
        Butt Mirza Sheikh/Shaikh Hussain Raza Rizvi Naqvi Jafri Baig/Beg Awan Gill Sandhu
        Sidhu Dhillon Grewal Bajwa Islam Hossain Uddin Sarkar/Sircar Mondal/Mandal Begum
    """,
    "Chinese, Korean and Vietnamese": """
        Wang Wan Li/Lee/Yi/Rhee Zhang/Chang/Jang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma
        Zhu Hu Guo He Lin Gao Luo Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao
        Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu Ding Ren Shen Yao Chan Wong Leung
        Cheung Lau Ng Ho Lam Tsang Chow Tan Lim Teo Goh Ong Koh Chua Hsu Tsai Liao Kim/Gim
        Park/Pak/Bak Choi/Choe Jung/Jeong/Chung Kang Cho/Jo Yoon/Yun Oh Seo/Suh Shin/Sin Kwon
        Hwang Ahn/An Yoo Hong Jeon/Chun Ko Moon/Mun Son Bae Baek/Paik Heo/Huh Nam Noh/Roh Ha
        Kwak Sung Cha Ri Nguyen Tran Tram Le Pham Hoang Huynh Phan Vu Vo Dang Bui Do Ngo Duong
        Ly Truong Dinh Mai Trinh Luu Quach
    """,
    "one name in several languages": """
        Alavi/Alawi Ali/Alli Yusuf/Yusuff Jansen/Janssen Ozcan/Ozkan Horvat/Horvath
        Petrovic/Petrovich Jafari/Jafri Chowdhury/Chaudhry Ebrahimi/Ibrahimi Hussain/Hossain
        Li/Ri/Ly Hussain/Hussein
    """,
    "European": """
        Mueller/Muller Miller Schmidt Schmid Smith/Smyth Rossi Russo Bianchi Bianco Romano
        Ricci Rizzi Conti Ferrari Esposito Colombo Marino Greco Bruno Gallo Mancini Giordano
        Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani Rinaldi Caruso Ferrara Galli
        Martini Leone Longo Gentile Martinelli Vitale Lombardo Serra Coppola Marchetti Parisi
        Villa Ferraro Ferri Fabbri Marini Grasso Valentini Messina Sala Gatti Pellegrini
        Palumbo Sanna Farina Monti Cattaneo Morelli Amato Mazza Testa Grassi Carbone Barone
        Guerra Bernardi Martino Fiore Bellini Basile Riva Donati Neri Milani Pagano Orlando
        Dupont Durand Dubois Moreau Laurent Lefebvre Leroy Roux Fournier Girard Bonnet Mercier
        Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Wolf Klein
        Jones Williams Brown Taylor Davies Evans Wilson Thomas Roberts Johnson Walker Wright
        Jansen Janssen Visser Bakker Larsen Hansen Nielsen Andersen Johansson Lindberg
    """,
}

SIBLING_FORM = "{} Darvelli Kostun"  # given names apart, a shared middle name and surname
NAMESAKE_FORM = "Darvel Kosti {}"  # shared given names, surnames apart


def name_groups(lists: Mapping[str, str]) -> list[tuple[str, ...]]:
    """The entries of ``lists`` as spellings of one name each, entries that share a
    spelling joined, each sorted, in sorted order."""
    groups: list[set[str]] = []
    for text in lists.values():
        for entry in text.split():
            spellings = set(entry.split("/"))
            overlapping = [g for g in groups if g & spellings]
            for g in overlapping:
                spellings |= g
                groups.remove(g)
            groups.append(spellings)
    return sorted(tuple(sorted(g)) for g in groups)


@dataclass
class Audit:
    """The strict rule on every pair of names of a list."""

    names: int = 0
    groups: int = 0
    distinct_pairs: int = 0
    merged: list[tuple[str, str, str]] = field(default_factory=list)  # must stay empty
    pending: int = 0
    spelling_pairs: int = 0  # pairs of spellings of one name
    spellings_merged: int = 0


def audit(groups: Sequence[tuple[str, ...]], form: str) -> Audit:
    """Compare every two names, each written into ``form``, by the strong tier's rule."""
    from dossier.resolve.matching import compare_full
    from dossier.resolve.names import PersonForm, person_form

    group_of = {name: i for i, g in enumerate(groups) for name in g}
    forms: dict[str, PersonForm] = {}
    for name in sorted(group_of):
        parsed = person_form(form.format(name))
        if parsed is None or not parsed.is_full:
            raise ValueError(f"{form.format(name)!r} is not a full name")
        forms[name] = parsed
    result = Audit(names=len(forms), groups=len(groups))
    for a, b in combinations(sorted(forms), 2):
        verdict = compare_full(forms[a], forms[b])
        if group_of[a] == group_of[b]:
            result.spelling_pairs += 1
            result.spellings_merged += verdict.outcome == "merge"
            continue
        result.distinct_pairs += 1
        if verdict.outcome == "merge":
            result.merged.append((a, b, verdict.reason))
        elif verdict.outcome == "pending":
            result.pending += 1
    return result


def run() -> list[str]:
    lines: list[str] = []
    for title, lists, form in (
        ("siblings (other given names)", GIVEN_NAMES, SIBLING_FORM),
        ("namesakes (other surnames)", SURNAMES, NAMESAKE_FORM),
    ):
        found = audit(name_groups(lists), form)
        lines.append(
            f"constructed {title}: {found.names} names in {len(lists)} lists, "
            f"{found.groups} distinct names; {found.distinct_pairs} pairs, auto-merged "
            f"{len(found.merged)} (must be 0), {found.pending} pending; spellings of one name "
            f"merged {found.spellings_merged} of {found.spelling_pairs}"
        )
        lines.extend(f"  AUTO-MERGED: {a} / {b}: {reason}" for a, b, reason in found.merged)
    return lines


def main() -> None:
    print("\n".join(run()))


if __name__ == "__main__":
    main()
